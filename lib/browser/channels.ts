// Each direction's messages (their types: lib/messages/) on the transport (messaging.ts), by the name both ends use.
import type { BackgroundToPages } from '../messages/background-to-pages';
import type { ExtensionToRecordPage } from '../messages/extension-to-record-page';
import type { FramedPagesStore } from '../messages/framed-pages-store';
import type { PagesToBackground } from '../messages/pages-to-background';
import type { RecordPageToExtension } from '../messages/record-page-to-extension';
import { defineProtocol } from './messaging';

export const backgroundToPages = defineProtocol<BackgroundToPages>('background-to-pages');
export const extensionToRecordPage = defineProtocol<ExtensionToRecordPage>('extension-to-record-page');
export const framedPagesStore = defineProtocol<FramedPagesStore>('framed-pages-store');
export const pagesToBackground = defineProtocol<PagesToBackground>('pages-to-background');
export const recordPageToExtension = defineProtocol<RecordPageToExtension>('record-page-to-extension');
