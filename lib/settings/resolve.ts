// Settings resolve in order: set by the organisation (managed storage, from
// Chrome/Edge enterprise policy or Firefox's 3rdparty policy) > chosen by the
// user > built in. A managed value that fails validation is ignored with a
// warning, never a crash, and never silently replaced by a weaker one.
// The background resolves them whenever they change and keeps the result for the pages
// (lib/browser/settings-storage.ts), so a page loads this module (and the schema library) only when it must.
import type { z } from 'zod';
import { setProtocols, type Protocol } from '../protocols';
import { acceptableProtocols } from '../protocols/read';
import { SETTING_SCHEMAS } from './schemas';
import {
  builtInResolution,
  protocolsAllowed,
  type PolicyUsed,
  type ResolvedSettings,
  type SettingKey,
  type SettingSource,
  type Settings,
} from '.';
import { t } from '../strings';

function issueText(error: z.ZodError): string {
  const issue = error.issues[0]!;
  return `${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`;
}

/** Keys an earlier version used, read as their new name so policies already deployed keep working. */
const RENAMED: Record<string, SettingKey> = { extraNonWorkingDays: 'closureDays' };

/** `policy`: which reading of the policy store `managed` is (by default, its answer now). */
export function resolveSettings(managed: unknown, user: unknown, policy: PolicyUsed = { current: true, readAt: null }): ResolvedSettings {
  const { values: builtIn, source, warnings } = builtInResolution();
  const values = builtIn as Record<SettingKey, unknown>;
  // An organisation that deploys no protocols (any more) makes none of its own current.
  if (typeof managed !== 'object' || managed === null || !('protocols' in managed)) setProtocols('organisation', []);
  const layers: [SettingSource, unknown][] = [
    ['you', user],
    ['organisation', managed],
  ];
  for (const [who, layer] of layers) {
    if (layer === undefined || layer === null) continue;
    if (typeof layer !== 'object' || Array.isArray(layer)) {
      warnings.push(t(who === 'organisation' ? 'organisationSettingsNotInForm' : 'savedSettingsNotInForm'));
      continue;
    }
    // The organisation's protocols first: the protocol settings below may name them.
    const entries = Object.entries(layer).sort(([a], [b]) => Number(b === 'protocols') - Number(a === 'protocols'));
    for (const [given, raw] of entries) {
      const key = RENAMED[given] && !(RENAMED[given] in layer) ? RENAMED[given] : given;
      if (key === 'protocols' && who === 'you') continue; // a worker imports protocols on the options page

      if (!(key in SETTING_SCHEMAS)) {
        if (who === 'organisation') warnings.push(t('organisationSettingUnknown', { key }));
        continue;
      }
      const parsed = SETTING_SCHEMAS[key as SettingKey].safeParse(raw);
      if (!parsed.success) {
        const problem = issueText(parsed.error);
        warnings.push(t(who === 'organisation' ? 'organisationSettingInvalid' : 'savedSettingInvalid', { key, problem }));
        continue;
      }
      values[key as SettingKey] = key === 'protocols' ? organisationProtocols(parsed.data as unknown[], warnings) : parsed.data;
      source[key as SettingKey] = who;
    }
  }
  const resolved = values as Settings;
  // The default must be one of the protocols allowed.
  const allowed = protocolsAllowed({ values: resolved, source, warnings, policy });
  if (!allowed.includes(resolved.defaultProtocol)) {
    const fallback = allowed[0]!;
    warnings.push(t('defaultProtocolNotAllowed', { protocol: resolved.defaultProtocol, fallback }));
    resolved.defaultProtocol = fallback;
  }
  return { values: resolved, source, warnings, policy };
}

/**
 * The organisation's protocols that are valid, made current (lib/protocols setProtocols); each invalid one is
 * left out with a warning naming it and the problem.
 */
function organisationProtocols(list: readonly unknown[], warnings: string[]): Protocol[] {
  const { usable, refused } = acceptableProtocols(list);
  for (const { index, reason } of refused) {
    warnings.push(t('organisationProtocolInvalid', { n: String(index + 1), reason }));
  }
  setProtocols('organisation', usable);
  return usable;
}
