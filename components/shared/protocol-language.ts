// The language the protocols' own words are shown in on this page: the organisation's choice (policy
// `protocolLanguage`), else the browser's. The extension's own words follow the browser's i18n files.
import { protocolWordsLanguage } from '../../lib/protocols/translate';
import { settings } from './settings-signal';

export const protocolLanguage = (): string => protocolWordsLanguage(settings.value.values.protocolLanguage, browser.i18n.getUILanguage());
