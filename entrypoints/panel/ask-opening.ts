// The in-page panel's opening question, asked as this module is evaluated: the entry imports it first, so it
// goes out before the rest of the page's code has run (ES modules are evaluated in the order they are imported).
import { openInPage } from '../../components/panel/opening-questions';

/** Which child its own tab shows, that child's escalations, the settings and the stored protocols. */
export const opening = openInPage();
