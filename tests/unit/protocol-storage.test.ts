// The protocols kept in extension storage (lib/browser/protocols.ts), through WXT's fake browser: importing,
// removing, the organisation's, and the built-in versions kept across an update of the extension.
import { readFileSync } from 'node:fs';
import { fakeBrowser } from 'wxt/testing';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resetExtensionStorage } from './fixtures/extension-store';

const GLEN_MORAY = readFileSync(new URL('../fixtures/protocols/glen-moray.json', import.meta.url), 'utf8');
const version = (n: string) => GLEN_MORAY.replace('"version": "1"', `"version": "${n}"`);

/** A page as it starts: fresh modules, the same storage. */
async function page() {
  vi.resetModules();
  const stored = await import('../../lib/browser/protocols');
  const protocols = { ...(await import('../../lib/protocols')), ...(await import('../../lib/protocols/read')) };
  const storage = await import('../../lib/browser/storage');
  await stored.protocolsReady();
  return { ...stored, ...protocols, storage };
}

beforeEach(resetExtensionStorage);

describe('importing a protocol file', () => {
  it('keeps it and makes it current here and on every page that starts later; the same file again replaces nothing', async () => {
    const here = await page();
    expect(await here.importProtocolFile(GLEN_MORAY)).toMatchObject({ protocol: { id: 'glen-moray', version: '1' }, replaced: undefined });
    expect(here.getProtocol('glen-moray').version).toBe('1');
    expect((await here.importProtocolFile(GLEN_MORAY)).replaced).toBeUndefined();
    const later = await page();
    expect(later.protocolCatalogue().find((e) => e.protocol.id === 'glen-moray')?.source).toBe('imported');
    expect((await later.importProtocolFile(version('2'))).replaced).toBe('1');
    expect(later.getProtocol('glen-moray').version).toBe('2');
    expect(later.getProtocol('glen-moray', '1').version).toBe('1'); // still there for escalations that follow it
  });

  it('a panel that began reading them as it started, before an import elsewhere, ends with the import', async () => {
    vi.resetModules();
    // The panel's entry reads the library before the rest of its code has loaded (components/panel/opening-questions.ts)…
    const early = (await import('../../lib/browser/storage')).PROTOCOL_LIBRARY_ITEM.get();
    await early;
    // …the options page imports a protocol meanwhile…
    await (await page()).importProtocolFile(GLEN_MORAY);
    // …then the panel's code takes up its early reading, and watches only from now.
    vi.resetModules();
    const panel = await import('../../lib/browser/protocols');
    const protocols = await import('../../lib/protocols');
    await panel.protocolsReady(early);
    await vi.waitFor(() => expect(protocols.listProtocols().map((p) => p.id)).toContain('glen-moray'));
  });

  it('refuses a changed file under a version already kept, and nothing in storage changes', async () => {
    const here = await page();
    await here.importProtocolFile(GLEN_MORAY);
    const before = await here.storage.PROTOCOL_LIBRARY_ITEM.get();
    await expect(here.importProtocolFile(GLEN_MORAY.replace('"days": 3,', '"days": 4,'))).rejects.toThrow(
      /^Version 1 of “glen-moray” is already installed with different content: give the changed protocol a new version\.$/,
    );
    expect(await here.storage.PROTOCOL_LIBRARY_ITEM.get()).toEqual(before);
  });

  it('removing it takes it off the list for new escalations; escalations that follow it keep its definition', async () => {
    const here = await page();
    await here.importProtocolFile(GLEN_MORAY);
    await here.removeImportedProtocol('glen-moray');
    expect(here.listProtocols().map((p) => p.id)).not.toContain('glen-moray');
    const later = await page();
    expect(later.listProtocols().map((p) => p.id)).not.toContain('glen-moray');
    expect(later.getProtocol('glen-moray', '1').partnership).toMatch(/Glen Moray/);
  });

  it('a definition in storage that is not valid (storage is shared) is left out, and the page still starts', async () => {
    await fakeBrowser.storage.local.set({
      protocolLibrary: {
        definitions: [{ id: 'broken', version: '1', title: '<b>x</b>' }],
        imported: ['broken@1'],
        organisation: [],
        builtInsKept: [],
      },
    });
    const here = await page();
    expect(here.listProtocols().map((p) => p.id)).toEqual(['pan-cheshire', 'halton', 'enfield', 'pan-sussex', 'herefordshire']);
  });
});

describe('what import and removal report is what is current afterwards', () => {
  it('an imported version of a built-in: removing it makes the built-in current again, and says which', async () => {
    const here = await page();
    // The built-in is version 2 (issue 36); a partnership's reissue is version 3.
    const herefordshire3 = { ...JSON.parse(JSON.stringify(here.getProtocol('herefordshire'))), version: '3' };
    const imported = await here.importProtocolFile(JSON.stringify(herefordshire3));
    expect(imported.current).toMatchObject({ source: 'imported', protocol: { version: '3' } });
    expect(await here.removeImportedProtocol('herefordshire')).toMatchObject({ source: 'built-in', protocol: { version: '2' } });
    expect(await here.removeImportedProtocol('glen-moray')).toBeUndefined();
  });

  it('an import under the id of an organisation’s protocol reports that the organisation’s stays current', async () => {
    const background = await page();
    await background.keepDefinitions([background.readProtocolFile(GLEN_MORAY)]);
    const here = await page();
    const imported = await here.importProtocolFile(version('2'));
    expect(imported.current).toMatchObject({ source: 'organisation', protocol: { version: '1' } });
    expect(here.getProtocol('glen-moray').version).toBe('1');
  });
});

describe('the built-in versions, kept for escalations that follow them after an update', () => {
  it('are kept once by the background, and read by a page only when the code no longer has one', async () => {
    const background = await page();
    await Promise.all([background.keepDefinitions([]), background.keepDefinitions([])]);
    const archive = (await background.storage.BUILT_IN_ARCHIVE_ITEM.get()) as { id: string; version: string }[];
    expect(archive.map((p) => `${p.id}@${p.version}`)).toEqual([
      'pan-cheshire@2',
      'halton@2',
      'enfield@2',
      'pan-sussex@2',
      'herefordshire@2',
    ]);

    // As if an earlier release had run Herefordshire version 0 here.
    const v0 = { ...JSON.parse(JSON.stringify(background.getProtocol('herefordshire'))), version: '0' };
    const library = await background.storage.PROTOCOL_LIBRARY_ITEM.get();
    await background.storage.BUILT_IN_ARCHIVE_ITEM.set([...archive, v0]);
    await background.storage.PROTOCOL_LIBRARY_ITEM.set({ ...library, builtInsKept: [...library.builtInsKept, 'herefordshire@0'] });
    const later = await page();
    expect(later.getProtocol('herefordshire', '0').version).toBe('0');
    expect(later.getProtocol('herefordshire').version).toBe('2');
  });

  it('the organisation’s protocols are kept and made current for every page', async () => {
    const background = await page();
    await background.keepDefinitions([background.readProtocolFile(GLEN_MORAY)]);
    const later = await page();
    expect(later.protocolCatalogue().find((e) => e.protocol.id === 'glen-moray')?.source).toBe('organisation');
    await background.keepDefinitions([]);
    const after = await page();
    expect(after.listProtocols().map((p) => p.id)).not.toContain('glen-moray');
    expect(after.getProtocol('glen-moray', '1').id).toBe('glen-moray');
  });
});
