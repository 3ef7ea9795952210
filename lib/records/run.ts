// One records query or change, the same wherever it runs: in the background for the in-page panel
// (lib/browser/records-server.ts), or in the extension's own pages (lib/browser/records-direct.ts).
import type { EscalationDb } from '../db';
import { createEscalation, escalationsForChild, getEscalation, getHistory, recordEvent } from '../db/escalations';
import type { RecordsCommand, RecordsQuery } from '../browser/records-bridge';
import type { Escalation } from './model';
import { escalationSyncFacts } from '../sync/apply';

export function runQuery(db: EscalationDb, query: RecordsQuery): Promise<unknown> {
  switch (query.kind) {
    case 'for-child':
      return escalationsForChild(db, query.hostId, query.childId);
    case 'escalation':
      return getEscalation(db, query.id);
    case 'history':
      return getHistory(db, query.id);
    case 'sync-state':
      return escalationSyncFacts(db, query.id);
  }
}

export function runCommand(db: EscalationDb, command: RecordsCommand, closureDays: Record<string, string>): Promise<Escalation> {
  const who = { changeId: command.changeId, by: command.by, at: command.at, closureDays };
  return command.kind === 'create' ? createEscalation(db, command.input, who) : recordEvent(db, command.id, command.body, who);
}
