// The content script runs only on case-record sites the user (or IT) has
// granted, never on every page: it is registered at runtime for exactly the
// origins the extension holds a host permission for.
const SCRIPT_ID = 'record-page';

export async function registerRecordPageScript(): Promise<string[]> {
  const { origins = [] } = await browser.permissions.getAll();
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (origins.length === 0) return [];
  await browser.scripting.registerContentScripts([
    {
      id: SCRIPT_ID,
      matches: origins,
      js: ['content-scripts/content.js'],
      runAt: 'document_idle',
      allFrames: true,
      persistAcrossSessions: true,
    },
  ]);
  return origins;
}
