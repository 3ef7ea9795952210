// The settings as pages use them: what each is, the built-in values, and who set each. How they are read
// and checked is lib/settings/resolve.ts.
import type { z } from 'zod';
import { formatDue } from '../time/format';
import { listProtocols, type Protocol } from '../protocols';
import { t } from '../strings';
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

/** Which reading of the organisation's policy a resolution used. */
export interface PolicyUsed {
  /** Whether the policy store answered for this resolution; false: the policy it last gave, read at `readAt`. */
  current: boolean;
  /**
   * When the policy store gave the policy used (ISO time), when it is not current; null when current (so a later
   * reading of the same policy resolves to the same settings) or when nothing was read (built in).
   */
  readAt: string | null;
}

export interface ResolvedSettings {
  values: Settings;
  source: Record<SettingKey, SettingSource>;
  /** Plain-English warnings about managed or stored values that were ignored. */
  warnings: string[];
  policy: PolicyUsed;
}

export const SETTING_KEYS = Object.keys(BUILT_IN_SETTINGS) as SettingKey[];

/** The built-in settings, as a resolution with nothing set by anyone (what a page shows until it has read them). */
export function builtInResolution(): ResolvedSettings {
  const source = Object.fromEntries(SETTING_KEYS.map((k) => [k, 'built-in'])) as Record<SettingKey, SettingSource>;
  return { values: structuredClone(BUILT_IN_SETTINGS), source, warnings: [], policy: { current: false, readAt: null } };
}

/** Whether these are settings read (not the built-in stand-in a page holds until they arrive). */
export const settingsArrived = (resolved: ResolvedSettings): boolean => resolved.policy.current || resolved.policy.readAt !== null;

/**
 * When the organisation's settings in use were read, if the policy store has not answered since (it can be
 * slow at browser start); null when they are current.
 */
export const organisationSettingsFrom = (resolved: ResolvedSettings): string | null =>
  resolved.policy.current ? null : resolved.policy.readAt;

/**
 * Whether records may be offered for deletion under these settings: only on the policy as the store gives it
 * now, never on an older reading (the organisation may have lengthened its retention since) or before it arrives.
 */
export const mayOfferDeletion = (resolved: ResolvedSettings): boolean => resolved.policy.current;

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

/** "Using your organisation's settings from <time>…" when the settings in use are not current; null when they are. */
export function staleSettingsNote(resolved: ResolvedSettings): string | null {
  const from = organisationSettingsFrom(resolved);
  return from ? t('organisationSettingsFrom', { time: formatDue(from) }) : null;
}
