// Which adapters apply: built-in ones, then the user's own (an adapter with the
// same id replaces the built-in). The first adapter whose URL patterns match wins.
import { z } from 'zod';
import { DEMO, MOSAIC } from './builtin';
import { HostAdapterSchema, type HostAdapter } from './schema';

export type { HostAdapter } from './schema';
export { readChildId, type ChildIdResult } from './extract';
export { matchesUrl, originPattern, siteToOrigin } from './match';
export { adapterForUrl, mergeAdapters } from './select';

/** Built-in adapters; the demo one only outside production builds. */
export function builtInAdapters(includeDemo: boolean): HostAdapter[] {
  return (includeDemo ? [DEMO, MOSAIC] : [MOSAIC]).map((a) => HostAdapterSchema.parse(a));
}

/** The adapter file a user or admin imports: one adapter or a list of them. */
const AdapterListSchema = z.array(HostAdapterSchema).min(1, 'has no adapters').max(50);

/** Reads an adapter file; on any problem throws an Error that says where and what, and nothing is changed. */
export function parseAdapterFile(text: string): HostAdapter[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`This file is not valid JSON (${(error as Error).message}). Your adapters are unchanged.`);
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
