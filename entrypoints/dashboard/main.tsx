import { render } from 'preact';
import { Dashboard } from '../../components/Dashboard';

render(<Dashboard />, document.getElementById('app')!);
