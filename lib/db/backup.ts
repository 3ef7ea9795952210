// Backup files: every escalation's full event history as JSON, with a format
// version. Import validates every record, merges by id, never overwrites what
// this device has, and reports what it added, updated, skipped and rejected.
import { z } from 'zod';
import { FIRST_VERSION, getProtocol, protocolKey, rememberDefinitions, type Protocol } from '../protocols';
import { acceptableProtocols } from '../protocols/read';
import { deriveEscalation, deriveHistory } from '../records/derive';
import { EscalationEventSchema, type EscalationEvent } from '../records/model';
import { inEventOrder } from '../records/order';
import { DUES_CLOSURE_DAYS_KEY, type EscalationDb } from './index';
import { messageOf } from '../errors';
import { namedAs } from '../records/about';

export const BACKUP_FORMAT = 'escalation-companion-backup';
/** 2: events carry their clock stamp (lib/records/order.ts); a version-1 file's events are ordered by their time. */
export const BACKUP_FORMAT_VERSION = 2;
/** Larger than a decade of a busy team's records; anything bigger is not ours. */
export const MAX_BACKUP_BYTES = 50 * 1024 * 1024;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  exportedAt: string;
  escalations: { id: string; events: EscalationEvent[] }[];
  /** Every protocol version the escalations follow or followed, so another device shows the same deadlines. */
  protocols?: Protocol[];
}

const BackupShapeSchema = z.object({
  format: z.literal(BACKUP_FORMAT, { message: 'is not an Escalation Companion backup' }),
  formatVersion: z.number().int(),
  exportedAt: z.string().optional(),
  escalations: z.array(z.unknown()).max(200_000),
  protocols: z.array(z.unknown()).max(100).default([]),
});

/** The protocol versions a history uses: the one it started under and each it was moved to. */
function versionsUsed(events: readonly EscalationEvent[]): { id: string; version: string }[] {
  const created = events.find((e) => e.type === 'created');
  if (!created || created.type !== 'created') return [];
  const id = created.escalation.protocolId;
  const moves = events.flatMap((e) => (e.type === 'protocol-version-moved' ? [e.to] : []));
  return [created.escalation.protocolVersion ?? FIRST_VERSION, ...moves].map((version) => ({ id, version }));
}

const EntrySchema = z.object({
  id: z.string(),
  events: z.array(z.unknown()).min(1, 'has no events').max(10_000),
});

/** Exports all escalations, or only those whose ids are given. */
export async function exportBackup(db: EscalationDb, ids?: string[], now = new Date()): Promise<Backup> {
  const events = ids ? await db.events.where('escalationId').anyOf(ids).toArray() : await db.events.toArray();
  const byEscalation = new Map<string, EscalationEvent[]>();
  for (const event of events) {
    const list = byEscalation.get(event.escalationId) ?? [];
    list.push(event);
    byEscalation.set(event.escalationId, list);
  }
  const protocols = new Map<string, Protocol>();
  for (const list of byEscalation.values()) {
    for (const used of versionsUsed(list)) {
      try {
        protocols.set(protocolKey(used), getProtocol(used.id, used.version));
      } catch {
        // A version this device never had (a record imported before backups carried them): the importer reports it.
      }
    }
  }
  return {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    exportedAt: now.toISOString(),
    escalations: [...byEscalation].map(([id, list]) => ({ id, events: inEventOrder(list) })),
    protocols: [...protocols.values()],
  };
}

export interface ImportReport {
  added: string[];
  updated: { id: string; newEvents: number }[];
  skipped: { id: string; reason: string }[];
  rejected: { index: number; id?: string; reason: string }[];
  /** Protocol definitions in the file that were not kept, and why. */
  protocolsRejected: string[];
  /** Escalations whose histories, merged, hold changes that disagree: the worker is shown both sides on each. */
  conflicts: { id: string; reference: string; count: number }[];
}

/** How many unreadable records, with none readable, before a file is refused as not a backup at all. */
export const UNREADABLE_BEFORE_REFUSING = 50;

/** The escalation's reference (ESC-…), from its "created" event. */
function referenceOf(events: EscalationEvent[]): string {
  const created = events.find((e) => e.type === 'created');
  return created && 'reference' in created ? created.reference : '';
}

/** The whole file is unusable: nothing was changed. */
export class BackupFileError extends Error {
  override name = 'BackupFileError';
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0]!;
  return issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}

/**
 * Checks one escalation's history from a file: well-formed events (each value by its rule: unknown keys dropped,
 * strings bounded), one escalation, a "created" event first in the order every device derives.
 */
function readEntry(raw: unknown): { id: string; events: EscalationEvent[] } {
  const entry = EntrySchema.parse(raw);
  const events = entry.events.map((e, i) => {
    const parsed = EscalationEventSchema.safeParse(e);
    if (!parsed.success) throw new Error(`event ${i + 1}, ${firstIssue(parsed.error)}`);
    return parsed.data;
  });
  if (events.some((e) => e.escalationId !== entry.id)) throw new Error('has events that belong to another escalation');
  // A rule of the protocol the file's history breaks (two devices' changes meeting never do): the record is refused.
  const { broken } = deriveHistory(events);
  if (broken.length) throw new Error(broken[0]);
  return { id: entry.id, events: inEventOrder(events) };
}

/**
 * The protocol definitions a backup carries that this device can keep: valid, and not a different definition
 * under an id and version it already has (that one is reported; its escalations are checked against this device's).
 */
function readProtocols(list: readonly unknown[], report: ImportReport): Protocol[] {
  const { usable, refused } = acceptableProtocols(list);
  report.protocolsRejected.push(...refused.map(({ index, reason }) => `protocol ${index + 1}: ${reason}`));
  return usable;
}

/**
 * Imports a backup. `keepProtocols` stores the protocol definitions it carries (extension storage) before any
 * escalation that follows them is written.
 */
export async function importBackup(
  db: EscalationDb,
  text: string,
  keepProtocols: (list: Protocol[]) => Promise<void> = async () => undefined,
  options: { closureDays?: Record<string, string> } = {},
): Promise<ImportReport> {
  if (text.length > MAX_BACKUP_BYTES)
    throw new BackupFileError('This file is too large to be a backup (over 50 MB). Nothing was imported.');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new BackupFileError(`This file is not valid JSON (${messageOf(error)}). Nothing was imported.`);
  }
  const shape = BackupShapeSchema.safeParse(json);
  if (!shape.success) throw new BackupFileError(`This file is not a valid backup (${firstIssue(shape.error)}). Nothing was imported.`);
  if (shape.data.formatVersion > BACKUP_FORMAT_VERSION) {
    throw new BackupFileError(
      'This backup was made by a newer version of Escalation Companion. Update the extension, then import it. Nothing was imported.',
    );
  }
  if (shape.data.formatVersion < 1)
    throw new BackupFileError(`Unknown backup format version ${shape.data.formatVersion}. Nothing was imported.`);

  const report: ImportReport = { added: [], updated: [], skipped: [], rejected: [], protocolsRejected: [], conflicts: [] };
  const protocols = readProtocols(shape.data.protocols, report);
  await keepProtocols(protocols);
  rememberDefinitions(protocols);
  const valid: { id: string; events: EscalationEvent[]; index: number }[] = [];
  const seen = new Set<string>();
  const references = new Map<string, string>(); // reference → escalation id, within the file
  const eventIds = new Set<string>(); // every event id the file's accepted records use
  for (const [index, raw] of shape.data.escalations.entries()) {
    const id = typeof (raw as { id?: unknown } | null)?.id === 'string' ? (raw as { id: string }).id.slice(0, 64) : undefined;
    try {
      const entry = readEntry(raw);
      if (seen.has(entry.id)) throw new Error('appears twice in the file');
      const reference = referenceOf(entry.events);
      const holder = references.get(reference);
      if (holder && holder !== entry.id) throw new Error(`its reference ${reference} is used by another escalation earlier in the file`);
      const ids = entry.events.map((e) => e.id);
      if (new Set(ids).size !== ids.length || ids.some((eventId) => eventIds.has(eventId)))
        throw new Error('it repeats an event id (its own, or another record’s in the file)');
      ids.forEach((eventId) => eventIds.add(eventId));
      seen.add(entry.id);
      references.set(reference, entry.id);
      valid.push({ ...entry, index });
    } catch (error) {
      const reason = error instanceof z.ZodError ? firstIssue(error) : messageOf(error);
      report.rejected.push({ index, id, reason });
    }
    // A file whose first records are all unreadable is not a backup: say so now, not after reading every record.
    if (valid.length === 0 && report.rejected.length >= UNREADABLE_BEFORE_REFUSING) {
      throw new BackupFileError(
        `The first ${UNREADABLE_BEFORE_REFUSING} records in this file are all unreadable (the first: ${report.rejected[0]!.reason}), so it is not a usable backup. Nothing was imported.`,
      );
    }
  }

  const closureDays = options.closureDays ?? {};
  // Written a batch at a time; a batch that cannot be written (a value the browser cannot store) is written again
  // record by record, so the one that cannot is reported and the rest are imported.
  for (let from = 0; from < valid.length; from += WRITE_BATCH) {
    const batch = valid.slice(from, from + WRITE_BATCH);
    const outcomes = await writeRecords(db, batch, closureDays).catch(() => null);
    if (outcomes) {
      outcomes.forEach((outcome) => record(report, outcome));
      continue;
    }
    for (const incoming of batch) {
      const outcome = await writeRecords(db, [incoming], closureDays).catch((error: Error): Outcome => ({
        kind: 'rejected',
        index: incoming.index,
        id: incoming.id,
        reason: `it could not be written (${error.message})`,
      }));
      (Array.isArray(outcome) ? outcome : [outcome]).forEach((o) => record(report, o));
    }
  }
  // The dues just written used these closure days; a later change of them is worked out again (recomputeDues).
  if (options.closureDays) await db.settings.put({ key: DUES_CLOSURE_DAYS_KEY, value: { ...closureDays } }).catch(() => undefined);
  return report;
}

/** How many records are written in one transaction. */
const WRITE_BATCH = 200;

type Incoming = { id: string; events: EscalationEvent[]; index: number };
type Outcome =
  | { kind: 'added'; id: string; conflicts: number; reference: string }
  | { kind: 'updated'; id: string; newEvents: number; conflicts: number; reference: string }
  | { kind: 'skipped'; id: string; reason: string }
  | { kind: 'rejected'; index: number; id: string; reason: string };

function record(report: ImportReport, outcome: Outcome): void {
  switch (outcome.kind) {
    case 'added':
    case 'updated':
      if (outcome.kind === 'added') report.added.push(outcome.id);
      else report.updated.push({ id: outcome.id, newEvents: outcome.newEvents });
      if (outcome.conflicts) report.conflicts.push({ id: outcome.id, reference: outcome.reference, count: outcome.conflicts });
      return;
    case 'skipped':
      report.skipped.push({ id: outcome.id, reason: outcome.reason });
      return;
    case 'rejected':
      report.rejected.push({ index: outcome.index, id: outcome.id, reason: outcome.reason });
  }
}

/**
 * Merges records into this device's, in one transaction: every event either side holds, once (by its id), in the
 * order every device derives, so this device and the one that made the file derive the same escalation.
 */
function writeRecords(db: EscalationDb, batch: readonly Incoming[], closureDays: Record<string, string>): Promise<Outcome[]> {
  return db.transaction('rw', db.escalations, db.events, async () => {
    const outcomes: Outcome[] = [];
    for (const incoming of batch) {
      const local = await db.events.where('escalationId').equals(incoming.id).toArray();
      // Case notes find an escalation by its reference, so one reference never names two escalations.
      const reference = referenceOf(incoming.events);
      const holder = await db.escalations.where('reference').equals(reference).first();
      if (holder && holder.id !== incoming.id) {
        outcomes.push({
          kind: 'rejected',
          index: incoming.index,
          id: incoming.id,
          reason: `its reference ${reference} is already used on this device by another escalation (${namedAs(holder)}); it was not imported`,
        });
        continue;
      }
      // An event id this device holds for another escalation: that record is refused, the rest go on.
      const clash = (await db.events.bulkGet(incoming.events.map((e) => e.id))).find((e) => e && e.escalationId !== incoming.id);
      if (clash) {
        outcomes.push({
          kind: 'rejected',
          index: incoming.index,
          id: incoming.id,
          reason: `one of its events has the same id as an event of another escalation on this device (${clash.id}); it was not imported`,
        });
        continue;
      }
      const localIds = new Set(local.map((e) => e.id));
      const onlyIncoming = incoming.events.filter((e) => !localIds.has(e.id));
      if (local.length > 0 && onlyIncoming.length === 0) {
        outcomes.push({ kind: 'skipped', id: incoming.id, reason: 'already on this device, with the same or a newer history' });
        continue;
      }
      const state = deriveEscalation([...local, ...onlyIncoming], closureDays);
      await db.events.bulkAdd(onlyIncoming);
      await db.escalations.put(state);
      const conflicts = state.conflicts?.length ?? 0;
      outcomes.push(
        local.length === 0
          ? { kind: 'added', id: incoming.id, conflicts, reference: state.reference }
          : { kind: 'updated', id: incoming.id, newEvents: onlyIncoming.length, conflicts, reference: state.reference },
      );
    }
    return outcomes;
  });
}
