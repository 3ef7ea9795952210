// Which adapters apply: built-in ones, then the user's own (an adapter with the
// same id replaces the built-in). The first adapter whose URL patterns match wins.
import { z } from 'zod';
import { isValidChildId } from './extract';
import { HostAdapterSchema, type HostAdapter, type HostAdapterInput } from './schema';
import { readPickedText } from './pick';
import { messageOf } from '../errors';

export type { HostAdapter } from './schema';
export { readChildId, type ChildIdResult } from './extract';
export { matchesUrl, originPattern, siteToOrigin } from './match';
export { adapterForUrl, mergeAdapters } from './select';

/** The adapter file a user or admin imports: one adapter or a list of them. */
const AdapterListSchema = z.array(HostAdapterSchema).min(1, 'has no adapters').max(50);

/** Reads an adapter file; on any problem throws an Error that says where and what, and nothing is changed. */
export function parseAdapterFile(text: string): HostAdapter[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`This file is not valid JSON (${messageOf(error)}). Your adapters are unchanged.`, { cause: error });
  }
  const single = !Array.isArray(json);
  const result = AdapterListSchema.safeParse(single ? [json] : json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const path = single ? issue.path.slice(1) : issue.path;
    const where = path.length ? path.join('.') : 'the file';
    throw new Error(`This adapter file is not valid: ${where}: ${issue.message}. Your adapters are unchanged.`);
  }
  const ids = result.data.map((a) => a.id);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) throw new Error(`This adapter file has two adapters with the id "${dup}". Your adapters are unchanged.`);
  return result.data;
}

/**
 * The adapter a pick makes: the site's current adapter (or a new one for its origin) with the picked
 * selector tried first (with a regex when the element holds the ID among other words, lib/hosts/pick.ts),
 * and a validator the picked ID passes; and the ID it reads there, for the worker to confirm. Throws a
 * plain-English error when the pick holds nothing that could be an ID.
 */
export function adapterFromPick(
  base: HostAdapter | undefined,
  pageUrl: string,
  selector: string | null,
  sample: string,
): { adapter: HostAdapter; childId: string } {
  if (!selector) throw new Error('That element cannot be found again reliably. Pick the ID itself, not the area around it.');
  const reading = readPickedText(sample, base);
  if (!reading) {
    throw new Error(`“${sample.slice(0, 40)}” does not look like an ID. Pick the ID (for example the number), or the line that shows it.`);
  }
  const { validator, regex } = reading;
  const source = regex ? { kind: 'selector' as const, selector, regex } : { kind: 'selector' as const, selector };
  const url = new URL(pageUrl);
  const adapter: HostAdapterInput = base
    ? {
        ...base,
        name: base.name.endsWith('(corrected)') ? base.name : `${base.name} (corrected)`,
        childId: {
          ...base.childId,
          validator,
          sources: [source, ...base.childId.sources.filter((s) => !(s.kind === 'selector' && s.selector === selector))],
        },
      }
    : {
        id: `picked-${url.hostname.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`.slice(0, 64),
        name: `Picked on ${url.hostname}`,
        matches: [`${url.protocol}//${url.hostname}/*`],
        childId: { label: 'ID', sources: [source], validator },
        notes: { fields: ['textarea', '[contenteditable="true"]'] },
      };
  const parsed = HostAdapterSchema.parse(adapter);
  if (!isValidChildId(parsed, reading.childId)) {
    throw new Error(`“${sample.slice(0, 40)}” does not look like an ID. Pick the ID (for example the number), or the line that shows it.`);
  }
  return { adapter: parsed, childId: reading.childId };
}
