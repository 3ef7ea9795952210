// The side panel's opening question, asked as this module is evaluated: the entry imports it first, so it goes
// out before the rest of the page's code has run (ES modules are evaluated in the order they are imported).
// It follows the active tab of its window; `?tab=ID` or `?window=ID` fixes which, as when it is opened as a page
// of its own (the browser tests, a link).
import { openSidePanel } from '../../components/panel/opening-questions';

const params = new URLSearchParams(location.search);
const id = (name: string) => (/^\d{1,10}$/.test(params.get(name) ?? '') ? Number(params.get(name)) : undefined);
export const bound = { tabId: id('tab'), windowId: id('window') };

/** Which child, its escalations, the settings and the stored protocols. */
export const opening = openSidePanel(bound);
