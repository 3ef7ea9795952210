// The panel framed in the record page (in-page placement): it follows its own tab.
import { openInPage } from '../../components/panel/opening';

// Which child, its escalations, the settings and the stored protocols: asked before the rest of the page's code loads.
const opening = openInPage();
void import('../../components/panel/start').then(({ startPanel }) => startPanel('in-page', opening));
