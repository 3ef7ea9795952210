// The panel framed in the record page (in-page placement): it follows its own tab. First its opening question
// (./opening.ts), then the rest of the page.
import { opening } from './ask-opening';
import { startPanel } from '../../components/panel/start';

startPanel('in-page', opening);
