// Wires browser events to the extension; decisions live in lib/.
import { registerRecordPageScript } from '../lib/browser/record-pages';

export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(() => void registerRecordPageScript());
  browser.runtime.onStartup.addListener(() => void registerRecordPageScript());
  browser.permissions.onAdded.addListener(() => void registerRecordPageScript());
  browser.permissions.onRemoved.addListener(() => void registerRecordPageScript());
});
