// The worker's language for the extension's pages and its background (the badge's title, reminders, settings
// warnings): the browser's i18n files (public/_locales/). Imported first by each page's entry and the background's
// (a side effect), so that words computed when modules load are already in the worker's language.
import { useTranslations } from '../strings';

useTranslations((key) => browser.i18n.getMessage(key));
