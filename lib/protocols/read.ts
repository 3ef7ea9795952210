// Reading a protocol someone else wrote (a file the worker imports, an organisation's policy): untrusted
// data. Refused, with the path and the rule, when it is not a protocol; never half-applied.
import type { z } from 'zod';
import { ProtocolSchema, type Protocol } from './schema';
import { definitionConflict } from './index';
import { messageOf } from '../errors';

/** Larger than any protocol needs (the largest built-in is about 40 kB as a file). */
export const MAX_PROTOCOL_FILE_BYTES = 256 * 1024;

/** Keys that could reach an object's prototype when a file is merged into another object. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** An HTML tag, comment or declaration. Protocol text is shown as text, never as HTML; markup in it is a sign of a wrong or hostile file. */
const MARKUP = /<[a-z!/?]/i;

export class ProtocolError extends Error {
  constructor(
    message: string,
    /** Each problem as `path: rule`. */
    readonly problems: string[],
  ) {
    super(message);
    this.name = 'ProtocolError';
  }
}

/** `stages[2].clocks[0].days`, the way the guide and an editor name a place in the file. */
export function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)),
    '',
  );
}

/** Prototype keys and markup anywhere in the value, as `path: rule`; at most `limit`. */
function unsafeParts(value: unknown, path: PropertyKey[] = [], found: string[] = [], limit = 10): string[] {
  if (found.length >= limit) return found;
  if (typeof value === 'string') {
    const tag = MARKUP.exec(value);
    if (tag) found.push(`${pathText(path) || '(file)'}: must be plain text, not HTML (found “${value.slice(tag.index, tag.index + 12)}”)`);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => unsafeParts(item, [...path, i], found, limit));
  } else if (typeof value === 'object' && value !== null) {
    for (const key of Object.keys(value)) {
      if (PROTOTYPE_KEYS.has(key)) found.push(`${pathText([...path, key])}: the key “${key}” is not allowed`);
      else unsafeParts((value as Record<string, unknown>)[key], [...path, key], found, limit);
    }
  }
  return found;
}

/** A string property of an object in the file, if it has one (a stage's title, a clock's label). */
function named(value: unknown, key: string): string | undefined {
  const v = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return typeof v === 'string' ? v.slice(0, 80) : undefined;
}

/** What each list in the file holds, and the property that names one of its items. */
const ITEM_WORDS: Record<string, [string, string]> = {
  stages: ['Stage', 'title'],
  clocks: ['clock', 'label'],
  duties: ['duty', 'id'],
  notes: ['note', 'text'],
  triggers: ['trigger', 'text'],
  contacts: ['contact', 'name'],
  forms: ['form', 'name'],
  facts: ['question', 'question'],
  routes: ['route', 'title'],
  steps: ['step', 'text'],
  sections: ['section', 'heading'],
  fields: ['row', 'label'],
};

/**
 * Where a problem is, in words a partnership lead can find in the file: `Stage “Stage 1: Line managers”, clock
 * “Within 5 working days”, days`.
 */
export function placeInWords(input: unknown, path: readonly PropertyKey[]): string {
  const words: string[] = [];
  let value: unknown = input;
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    const next = typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[key as string] : undefined;
    const list = ITEM_WORDS[String(key)];
    const index = path[i + 1];
    if (list && typeof index === 'number') {
      const item = Array.isArray(next) ? next[index] : undefined;
      const name = named(item, list[1]);
      words.push(name ? `${list[0]} “${name}”` : `${list[0]} ${index + 1}`);
      value = item;
      i++;
    } else {
      if (typeof key !== 'number') words.push(String(key));
      value = next;
    }
  }
  return words.join(', ') || 'the protocol';
}

/** The rule broken, in words: never a raw pattern or "Invalid discriminator value". */
function ruleInWords(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_union' && 'options' in issue && Array.isArray((issue as { options?: unknown }).options)) {
    return `must be one of ${(issue as { options: unknown[] }).options.map((o) => `"${String(o)}"`).join(', ')}`;
  }
  if (/Invalid discriminator value/.test(issue.message)) {
    const kinds = [...issue.message.matchAll(/'([^']+)'/g)].map((m) => `"${m[1]}"`);
    return `must be one of ${kinds.join(', ')}`;
  }
  if (/^Invalid string: must match pattern/.test(issue.message)) return 'is not in the form the guide gives for it';
  return issue.message;
}

function schemaProblems(input: unknown, error: z.ZodError): string[] {
  // In words first, then the path an editor's JSON Schema check names.
  return error.issues
    .slice(0, 10)
    .map(
      (issue) =>
        `${issue.path.length ? `${placeInWords(input, issue.path)} — ` : ''}${pathText(issue.path) || '(protocol)'}: ${ruleInWords(issue)}`,
    );
}

function refuse(input: unknown, problems: string[]): never {
  const id =
    typeof input === 'object' && input !== null && typeof (input as { id?: unknown }).id === 'string' ? (input as { id: string }).id : '?';
  const shown = JSON.stringify(id.slice(0, 64));
  throw new ProtocolError(`Protocol ${shown} is not valid: ${problems.join('; ')}`, problems);
}

/** Validates a protocol given as data, naming the protocol and the path and rule of each problem (at most ten). */
export function parseProtocol(input: unknown): Protocol {
  // An editor's pointer to the JSON Schema (docs/protocol-format.md) is not part of the protocol.
  if (typeof input === 'object' && input !== null && '$schema' in input) {
    const { $schema: _pointer, ...rest } = input as Record<string, unknown>;
    input = rest;
  }
  const unsafe = unsafeParts(input);
  if (unsafe.length) refuse(input, unsafe);
  const result = ProtocolSchema.safeParse(input);
  if (!result.success) refuse(input, schemaProblems(input, result.error));
  return result.data;
}

/** Reads a protocol file's text: its size, its JSON, then the protocol in it. */
export function readProtocolFile(text: string): Protocol {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_PROTOCOL_FILE_BYTES) {
    throw new ProtocolError(
      `This file is ${Math.round(bytes / 1024)} kB; a protocol file is at most ${MAX_PROTOCOL_FILE_BYTES / 1024} kB`,
      [],
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ProtocolError(`This file is not JSON: ${messageOf(error)}`, []);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ProtocolError('This file is not a protocol: it must hold one JSON object, as docs/protocol-format.md shows', []);
  }
  return parseProtocol(data);
}

/** A protocol as a file: the format docs/protocol-format.md describes, every default written out. */
export function protocolFileText(protocol: Protocol): string {
  return `${JSON.stringify(protocol, null, 2)}\n`;
}

/**
 * A list of protocols given as data (an organisation's policy, a backup): those that can be kept here (valid,
 * and no different definition under the same id and version), and why each other cannot.
 */
export function acceptableProtocols(list: readonly unknown[]): { usable: Protocol[]; refused: { index: number; reason: string }[] } {
  const usable: Protocol[] = [];
  const refused: { index: number; reason: string }[] = [];
  list.forEach((raw, index) => {
    try {
      // The same limit as a protocol file's, on the definition as a file would hold it.
      const bytes = new TextEncoder().encode(JSON.stringify(raw) ?? '').length;
      if (bytes > MAX_PROTOCOL_FILE_BYTES)
        throw new Error(`it is ${Math.round(bytes / 1024)} kB; a protocol is at most ${MAX_PROTOCOL_FILE_BYTES / 1024} kB`);
      const protocol = parseProtocol(raw);
      const conflict = definitionConflict(protocol);
      if (conflict) throw new Error(conflict);
      usable.push(protocol);
    } catch (error) {
      refused.push({ index, reason: messageOf(error) });
    }
  });
  return { usable, refused };
}
