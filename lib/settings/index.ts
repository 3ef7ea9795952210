// The settings as pages use them: what each is, the built-in values, and who set each. How they are read
// and checked is lib/settings/resolve.ts.
import type { z } from 'zod';
import { listProtocols, type Protocol } from '../protocols';
import type { SETTING_SCHEMAS } from './resolve';

export type SettingKey = keyof typeof SETTING_SCHEMAS;
export type Settings = Omit<{ [K in SettingKey]: z.output<(typeof SETTING_SCHEMAS)[K]> }, 'protocols'> & {
  /** The organisation's valid protocols (policy key `protocols`); a worker's own are imported on the options page. */
  protocols: Protocol[];
};
export type SettingSource = 'organisation' | 'you' | 'built-in';

export const BUILT_IN_SETTINGS: Settings = {
  protocols: [],
  defaultProtocol: 'pan-cheshire',
  allowedProtocols: ['pan-cheshire', 'halton', 'enfield', 'pan-sussex', 'herefordshire'],
  caseSystemOrigins: [],
  adapters: [],
  closureDays: {},
  retentionMonths: 12,
  contacts: [],
  reminders: false,
  quietOutsideWorkingHours: false,
  // The browser's own side panel: laid out beside the record by the browser, never over it.
  panelPlacement: 'side-panel',
  // The record page's chip shows the stage and time left (drawn inside the extension's frame, unreadable to the page).
  chipShowsStatus: true,
  // The chip on the record page; off, the toolbar button and Alt+Shift+E open the panel.
  showChip: true,
  supersededProtocols: {},
};

export interface ResolvedSettings {
  values: Settings;
  source: Record<SettingKey, SettingSource>;
  /** Plain-English warnings about managed or stored values that were ignored. */
  warnings: string[];
}

export const SETTING_KEYS = Object.keys(BUILT_IN_SETTINGS) as SettingKey[];

/** The built-in settings, as a resolution with nothing set by anyone (what a page shows until it has read them). */
export function builtInResolution(): ResolvedSettings {
  const source = Object.fromEntries(SETTING_KEYS.map((k) => [k, 'built-in'])) as Record<SettingKey, SettingSource>;
  return { values: structuredClone(BUILT_IN_SETTINGS), source, warnings: [] };
}

/**
 * The protocols a new escalation may follow: the list someone set, or, when nobody set one, every protocol this
 * device has now (the five built in and any imported since the settings were read).
 */
export function protocolsAllowed(resolved: ResolvedSettings): string[] {
  return resolved.source.allowedProtocols === 'built-in' ? listProtocols().map((p) => p.id) : resolved.values.allowedProtocols;
}

/** Whether the user may change a setting (not when the organisation set it). */
export function isLocked(resolved: ResolvedSettings, key: SettingKey): boolean {
  return resolved.source[key] === 'organisation';
}
