// The browser's own side panel (Chrome/Edge side_panel, Firefox sidebar_action): beside the record, never
// over it. First its opening question (./opening.ts), then the rest of the page.
import { bound, opening } from './ask-opening';
import { startPanel } from '../../components/panel/start';

startPanel('side-panel', opening, bound);
