// The handler tables that answer each direction's messages, called as the browser would call them,
// with senders as the browser describes them. Storage goes through WXT's fake browser (vitest.config.ts).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resetExtensionStorage } from './fixtures/extension-store';
import { fromExtensionPage, pageHandlers, recordPageHandlers, type BackgroundDeps } from '../../lib/background/handlers';
import type { Sender } from '../../lib/browser/messaging';
import { MANAGED_ADAPTERS_ITEM, PANEL_SIDE_ITEM, USER_ADAPTERS_ITEM, WORKER_ITEM, storeForTests } from '../../lib/browser/storage';
import { createEscalation } from '../../lib/db/escalations';
import { freshDb, MON, newEscalation } from './fixtures/escalations';
import type { TabReadings } from '../../lib/tabs/readings';
import { builtInResolution } from '../../lib/settings';
import type { PanelOpening } from '../../lib/messages/types';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const PANEL: Sender = {
  id: EXTENSION_ID,
  url: `chrome-extension://${EXTENSION_ID}/panel.html`,
  tab: { id: 7 } as Sender['tab'],
  frameId: 3,
};
const RECORD_PAGE_TOP: Sender = { id: EXTENSION_ID, url: 'https://mosaic.example/person/1', tab: { id: 7 } as Sender['tab'], frameId: 0 };
const RECORD_PAGE_IFRAME: Sender = { ...RECORD_PAGE_TOP, frameId: 4 };

async function deps(overrides: Partial<BackgroundDeps> = {}) {
  const db = await freshDb();
  const told: unknown[][] = [];
  let readings: TabReadings = {};
  const d: BackgroundDeps = {
    database: async () => db,
    pageSetup: async () => ({ adapters: [], panelSide: 'left', placement: 'side-panel' }),
    launcherSettings: async () => ({ placement: 'side-panel', chipShowsStatus: true }),
    settingsHeld: async () => undefined,
    readings: async () => readings,
    updateReadings: async (change: (all: TabReadings) => TabReadings) => (readings = change(readings)),
    closureDays: async () => ({}),
    recordsChanged: vi.fn(),
    tellRecordPage: (...args: unknown[]) => void told.push(args),
    extensionId: EXTENSION_ID,
    now: () => new Date('2026-11-23T12:00:00Z'),
    ...overrides,
  } as BackgroundDeps;
  return { d, db, told };
}

const CHANGE = '9b7c0c1e-2f7a-4c55-8a3e-000000000001';
const command = { kind: 'create' as const, changeId: CHANGE, input: newEscalation('herefordshire'), by: 'Jo Patel', at: MON };

describe('extension pages → background', () => {
  it('recordsCommand: a change from the panel is made and the badge redrawn', async () => {
    const { d, db } = await deps();
    const reply = await pageHandlers(d).recordsCommand(command, PANEL);
    expect(reply).toMatchObject({ value: { protocolId: 'herefordshire', currentStage: 'initial' } });
    expect(await db.escalations.count()).toBe(1);
    expect(d.recordsChanged).toHaveBeenCalledTimes(1);
  });

  it('recordsCommand: refused from a record page’s script, and nothing is written', async () => {
    const { d, db } = await deps();
    const reply = await pageHandlers(d).recordsCommand(command, RECORD_PAGE_TOP);
    expect(reply).toMatchObject({ error: { name: 'NotAllowedError' } });
    expect(await db.escalations.count()).toBe(0);
    expect(d.recordsChanged).not.toHaveBeenCalled();
  });

  it('recordsCommand: a change the protocol refuses comes back as the reason, not a throw', async () => {
    const { d } = await deps();
    const reply = await pageHandlers(d).recordsCommand(
      { kind: 'record', changeId: crypto.randomUUID(), id: 'missing-escalation-id', body: { type: 'withdrawn', reason: 'x' } },
      PANEL,
    );
    expect(reply).toHaveProperty('error.message');
  });

  it('recordsCommand: the same change arriving twice (a double-click, a retry) is written once, and answered alike', async () => {
    const { d, db } = await deps();
    const table = pageHandlers(d);
    const [first, second] = await Promise.all([table.recordsCommand(command, PANEL), table.recordsCommand(command, PANEL)]);
    expect(await db.escalations.count()).toBe(1);
    expect(await db.events.count()).toBe(1);
    expect(first).toEqual(second);
    const id = (first as { value: { id: string } }).value.id;
    const response = {
      kind: 'record' as const,
      changeId: crypto.randomUUID(),
      id,
      body: { type: 'response-received' as const, summary: 'Agreed' },
    };
    await table.recordsCommand(response, PANEL);
    await table.recordsCommand(response, PANEL);
    expect(await db.events.where('escalationId').equals(id).count()).toBe(2);
  });

  it('changeLanded: says whether a change id was written, to extension pages only', async () => {
    const { d } = await deps();
    const table = pageHandlers(d);
    expect(await table.changeLanded(CHANGE, PANEL)).toEqual({ landed: null });
    await table.recordsCommand(command, PANEL);
    expect(await table.changeLanded(CHANGE, PANEL)).toMatchObject({ landed: { protocolId: 'herefordshire' } });
    expect(await table.changeLanded(CHANGE, RECORD_PAGE_TOP)).toMatchObject({ error: { name: 'NotAllowedError' } });
  });

  it('recordsChanged redraws only for extension pages', async () => {
    const { d } = await deps();
    const table = pageHandlers(d);
    table.recordsChanged(undefined, RECORD_PAGE_TOP);
    expect(d.recordsChanged).not.toHaveBeenCalled();
    table.recordsChanged(undefined, PANEL);
    expect(d.recordsChanged).toHaveBeenCalledTimes(1);
  });

  it('fromExtensionPage: only this extension’s own pages', () => {
    expect(fromExtensionPage(PANEL, EXTENSION_ID)).toBe(true);
    expect(fromExtensionPage({ ...PANEL, url: `moz-extension://${EXTENSION_ID}/panel.html` }, EXTENSION_ID)).toBe(true);
    expect(fromExtensionPage(RECORD_PAGE_TOP, EXTENSION_ID)).toBe(false);
    expect(fromExtensionPage({ ...PANEL, id: 'another-extension' }, EXTENSION_ID)).toBe(false);
  });
});

describe('record page → extension (the background’s part)', () => {
  const reading = {
    hostId: 'demo',
    idLabel: 'Mosaic ID',
    result: { found: true as const, childId: '1000001', source: 'selector' as const },
  };

  it('pageSetup gives a record page what it cannot read from storage itself: adapters, panel side, placement', async () => {
    const { d } = await deps();
    expect(await recordPageHandlers(d).pageSetup!(undefined, RECORD_PAGE_IFRAME)).toEqual({
      adapters: [],
      panelSide: 'left',
      placement: 'side-panel',
    });
  });

  it('every frame’s reading is kept for its tab; a new page in the top frame forgets the old and asks the frames again', async () => {
    const { d, told } = await deps();
    const table = recordPageHandlers(d);
    const pages = pageHandlers(d);
    table.childDetected!(reading, RECORD_PAGE_IFRAME);
    await Promise.resolve();
    expect(await pages.tabReading(undefined, PANEL)).toEqual({ tabId: 7, frames: [[4, reading]] });
    expect(
      await pages.tabReading({ tabId: 7 }, { ...PANEL, tab: undefined, url: `chrome-extension://${EXTENSION_ID}/sidepanel.html` }),
    ).toEqual({ tabId: 7, frames: [[4, reading]] });
    await table.pageSetup!(undefined, RECORD_PAGE_TOP);
    expect(await pages.tabReading(undefined, PANEL)).toEqual({ tabId: 7, frames: [] });
    expect(told).toEqual([[{ tabId: 7 }, 'reportChild']]);
    // A record page's script may not ask what any tab shows.
    table.childDetected!(reading, RECORD_PAGE_TOP);
    await Promise.resolve();
    expect(await pages.tabReading({ tabId: 7 }, RECORD_PAGE_TOP)).toEqual({ tabId: null, frames: [] });
  });

  it('panelOpening: the tab’s reading, that child’s escalations and the settings the background holds in one answer, to extension pages only', async () => {
    const held = builtInResolution();
    const { d, db } = await deps({ settingsHeld: async () => held });
    const mine = await createEscalation(db, newEscalation('pan-cheshire'), { at: MON });
    await createEscalation(db, { ...newEscalation('pan-cheshire'), child: { hostId: 'demo', childId: '1000009' } }, { at: MON });
    const pages = pageHandlers(d);
    const sidePanel = { ...PANEL, tab: undefined, url: `chrome-extension://${EXTENSION_ID}/sidepanel.html` };
    // Nothing read in the tab yet: no child, so no escalations.
    expect(await pages.panelOpening({ tabId: 7 }, sidePanel)).toEqual({ tabId: 7, frames: [], escalations: undefined, settings: held });
    recordPageHandlers(d).childDetected!(reading, RECORD_PAGE_TOP);
    await Promise.resolve();
    const opening = (await pages.panelOpening(undefined, PANEL)) as PanelOpening;
    expect(opening).toMatchObject({ tabId: 7, frames: [[0, reading]], settings: held });
    expect(opening.escalations?.map((e) => e.id)).toEqual([mine.id]);
    expect(await pages.panelOpening({ tabId: 7 }, RECORD_PAGE_TOP)).toEqual({ tabId: null, frames: [] });
    // Records that cannot be read, settings not held: the reading still comes, without them.
    const broken = (await deps({ database: () => Promise.reject(new Error('blocked')), settingsHeld: async () => undefined })).d;
    recordPageHandlers(broken).childDetected!(reading, RECORD_PAGE_TOP);
    await Promise.resolve();
    expect(await pageHandlers(broken).panelOpening(undefined, PANEL)).toEqual({
      tabId: 7,
      frames: [[0, reading]],
      escalations: undefined,
      settings: undefined,
    });
  });

  it('chipState speaks only of the child the tab’s own frames reported, to extension pages only', async () => {
    const { d, db } = await deps();
    await createEscalation(db, newEscalation('pan-cheshire'), { at: MON });
    const other = { ...newEscalation('pan-cheshire'), child: { hostId: 'demo', childId: '1000009' } };
    await createEscalation(db, other, { at: MON });
    const pages = pageHandlers(d);
    // Nothing reported in tab 7 yet: no status, whatever escalations exist.
    expect(await pages.chipState(undefined, PANEL)).toEqual({ tabId: 7, frames: [], placement: 'side-panel' });
    recordPageHandlers(d).childDetected!(reading, RECORD_PAGE_TOP);
    await Promise.resolve();
    expect(await pages.chipState(undefined, PANEL)).toMatchObject({ tabId: 7, status: { open: 1, overdue: false } });
    // From the record page's own script (or a renderer pretending to be it): nothing.
    expect(await pages.chipState(undefined, RECORD_PAGE_TOP)).toEqual({ tabId: null, frames: [], placement: 'side-panel' });
    // The organisation turned the chip's status off.
    const quiet = (await deps({ launcherSettings: async () => ({ placement: 'in-page', chipShowsStatus: false }) })).d;
    recordPageHandlers(quiet).childDetected!(reading, RECORD_PAGE_TOP);
    await Promise.resolve();
    expect(await pageHandlers(quiet).chipState(undefined, PANEL)).not.toHaveProperty('status');
    // A failing database gives no status rather than an error.
    const broken = (await deps({ database: () => Promise.reject(new Error('blocked')) })).d;
    recordPageHandlers(broken).childDetected!(reading, RECORD_PAGE_TOP);
    await Promise.resolve();
    expect(await pageHandlers(broken).chipState(undefined, PANEL)).toMatchObject({ tabId: 7, frames: [[0, reading]] });
    expect(await pageHandlers(broken).chipState(undefined, PANEL)).not.toHaveProperty('status');
  });
});

describe('storage items', () => {
  beforeEach(resetExtensionStorage);

  it('give their fallback when absent and when what is stored has the wrong shape', async () => {
    expect(await WORKER_ITEM.get()).toBeNull();
    expect(await PANEL_SIDE_ITEM.get()).toBe('right');
    expect(await USER_ADAPTERS_ITEM.get()).toEqual([]);
    await storeForTests.set('worker', { name: 42 });
    await storeForTests.set('panelSide', 'top');
    await storeForTests.set('userAdapters', [{ nope: true }]);
    expect(await WORKER_ITEM.get()).toBeNull();
    expect(await PANEL_SIDE_ITEM.get()).toBe('right');
    expect(await USER_ADAPTERS_ITEM.get()).toEqual([]);
  });

  it('setIfChanged writes only a real change (each write restarts detection on open record pages)', async () => {
    const seen = vi.fn();
    MANAGED_ADAPTERS_ITEM.watch(seen);
    const ours = [{ id: 'ours', matches: ['https://mosaic.example/*'] }] as never;
    await MANAGED_ADAPTERS_ITEM.setIfChanged([]); // the same as nothing stored: no write
    await MANAGED_ADAPTERS_ITEM.setIfChanged(ours);
    await MANAGED_ADAPTERS_ITEM.setIfChanged(ours);
    await vi.waitFor(() => expect(seen).toHaveBeenCalledTimes(1));
    expect(await MANAGED_ADAPTERS_ITEM.get()).toEqual(ours);
  });
});
