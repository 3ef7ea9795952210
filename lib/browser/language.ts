// The worker's language for the extension's pages: the browser's i18n files (public/_locales/).
// Imported first by each page's entry (a side effect), so that words components compute when their
// modules load are already in the worker's language.
import { useTranslations } from '../strings';

useTranslations((key) => browser.i18n.getMessage(key));
