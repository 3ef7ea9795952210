import { render } from 'preact';
import { Panel } from '../../components/Panel';

render(<Panel />, document.getElementById('app')!);
