// What every page may ask of the records, and what comes back: one set of query kinds, each with its arguments
// and its answer. Every page reads through a `Records` client (components/shared/useRecords.ts chooses which:
// the database in the page itself, or the background's over a port); types only, no transport.
import type { DashboardFirstScreen, IndexedNarrowing } from '../views/dashboard';
import type { DueSummary } from '../views/overview';
import type { RecordsCommand, SerialError } from '../records/commands';
import type { Escalation, EscalationEvent } from '../records/model';
import type { FiguresScope } from '../team/scope';
import type { EscalationSyncFacts } from '../team/status';
import type { TeamEntry } from '../views/team-view';

/** Each query kind: what it is asked with, and what it answers (again whenever the records change). */
export interface RecordsQueries {
  /** A child's escalations (the panels). */
  'for-child': { args: { hostId: string; childId: string }; answer: Escalation[] };
  escalation: { args: { id: string }; answer: Escalation | undefined };
  history: { args: { id: string }; answer: EscalationEvent[] };
  /** Whether its events have reached the team store (lib/team/status.ts). */
  'sync-state': { args: { id: string }; answer: EscalationSyncFacts };
  /** Every escalation on this device, last changed first (the records page, the figures). */
  all: { args: object; answer: Escalation[] };
  /**
   * The rows an index picks out for the dashboard's list, before the rest of its filter applies. With
   * `firstScreen`, a client that can read it fast answers first with that screenful (in due order) and then how
   * many match, and with every row only once those are drawn.
   */
  'dashboard-rows': { args: { narrowing: IndexedNarrowing; firstScreen?: DashboardFirstScreen }; answer: DashboardRows };
  /** The manager's team: each escalation with its team and owner as the team store said (lib/team-view.ts). */
  team: { args: object; answer: TeamEntry[] };
  /** How many escalations this device holds as a manager's, synced from the team store (the dashboard's team link). */
  'team-held': { args: object; answer: number };
  /** The escalations the partnership figures count: this person's own, or a manager's team's when they choose it (lib/team/scope.ts). */
  figures: { args: { scope: FiguresScope }; answer: { escalations: Escalation[]; teamOffered: boolean } };
  /** The counts and the next few due, worded, with the organisation's closure days (the popup; the side panel off a record). */
  'due-summary': { args: object; answer: DueSummary };
}

/** Every row the narrowing picks out; or, first, the first screenful and (once counted) how many match. */
export type DashboardRows = { every: true; rows: Escalation[] } | { every: false; rows: Escalation[]; total?: number };

export type QueryKind = keyof RecordsQueries;
export type RecordsQuery<K extends QueryKind = QueryKind> = K extends QueryKind ? { kind: K } & RecordsQueries[K]['args'] : never;
export type QueryResult<Q extends RecordsQuery> = RecordsQueries[Q['kind']]['answer'];

/** How a page reads and changes records, wherever they are (lib/browser/records-direct.ts, records-bridge.ts). */
export interface Records {
  /** A live query: `onValue` hears each new result; returns a function that stops. */
  subscribe<Q extends RecordsQuery>(query: Q, onValue: (value: QueryResult<Q>) => void, onError?: (error: Error) => void): () => void;
  /** One change: the new state, or the rules' refusal; when the outcome is not known, NotSavedError or OutcomeUnknownError. */
  command(command: RecordsCommand): Promise<Escalation>;
  /**
   * An answer to a query read a moment ago by other means (the background, as the panel opened): given to its
   * live query's listeners if that query is being asked and has not answered yet; its own answers replace it.
   */
  seed?<Q extends RecordsQuery>(query: Q, value: QueryResult<Q>): void;
  /** Starts reading a query's answer as the page starts, before anything is drawn; the first to ask it takes it up. */
  prefetch?(query: RecordsQuery): void;
}

/** Page → background over the records port: start or stop one live query, numbered by the page. */
export type PortRequest = { op: 'subscribe'; sub: number; query: RecordsQuery } | { op: 'unsubscribe'; sub: number };
/** Background → page over the records port: a live query's new answer, or why it could not be read. */
export type PortReply = { sub: number; value: unknown } | { sub: number; error: SerialError };
