// Unit tests have no browser i18n: the English file answers, as the browser's lookup falls back to it.
import english from '../../public/_locales/en/messages.json';
import { useTranslations, type StringKey } from '../../lib/strings';

const inEnglish = (key: StringKey) => english[key].message;
useTranslations(inEnglish, inEnglish);
