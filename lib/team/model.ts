// What the team server (server/README.md, "The API") sends and receives, checked before anything is used: a reply
// that does not match is refused as a whole, with a message, and changes nothing on this device.
import { z } from 'zod';
import { EscalationEventSchema, type EscalationEvent } from '../records/model';
import { clockOf } from '../records/order';
import type { Reader } from './scope';

/** An event as it is pushed: the event as this device stores it is the payload; the order key is the shared order's. */
export interface WireEvent {
  id: string;
  escalationId: string;
  orderKey: string;
  payload: EscalationEvent;
}

/** The server orders by this text as every device orders events (lib/records/order.ts): clock stamp, then id. */
export function orderKeyOf(event: EscalationEvent): string {
  return `${clockOf(event)}|${event.id}`;
}

export function toWire(event: EscalationEvent): WireEvent {
  return { id: event.id, escalationId: event.escalationId, orderKey: orderKeyOf(event), payload: event };
}

const ServerId = z.string().min(1).max(128);

export const PushReplySchema = z.object({
  accepted: z.number().int().min(0),
  inserted: z.number().int().min(0),
  alreadyStored: z.number().int().min(0),
  /** The events of the batch the server refused, each with its reason (the rest were stored). */
  refused: z
    .array(z.object({ id: z.string().max(128), error: z.string().max(100), message: z.string().max(2000) }))
    .max(10_000)
    .default([]),
});

const PulledEventSchema = z
  .object({
    id: ServerId,
    escalationId: ServerId,
    team: ServerId,
    author: z.string().min(1).max(256),
    orderKey: z.string().max(200),
    payload: EscalationEventSchema,
    recordedAt: z.iso.datetime({ offset: true }),
  })
  // The event's own id and escalation are the ones the server files it under: anything else is not this event.
  .refine((e) => e.payload.id === e.id && e.payload.escalationId === e.escalationId, {
    message: 'an event’s id or escalation does not match its contents',
  });
export type PulledEvent = z.output<typeof PulledEventSchema>;

export const PullReplySchema = z.object({
  cursor: z.string().min(1).max(400),
  more: z.boolean(),
  events: z.array(PulledEventSchema).max(10_000),
  deletions: z
    .array(
      z.object({
        escalationId: ServerId,
        team: ServerId,
        reason: z.string().max(200),
        deletedAt: z.iso.datetime({ offset: true }),
      }),
    )
    .max(10_000),
});
export type PullReply = z.output<typeof PullReplySchema>;

export const ErrorReplySchema = z.object({ error: z.string().max(100), message: z.string().max(2000) });

export const MeReplySchema = z.object({
  subject: z.string().min(1),
  roles: z.array(z.string()),
  memberships: z.array(z.object({ team: ServerId, teamName: z.string(), role: z.enum(['worker', 'manager']) })),
});
export type Me = z.output<typeof MeReplySchema>;

export type { TeamEscalationRow } from '../records/team';

/** What went wrong, in kinds the options page and the panel say in the users' words. */
export type SyncProblemKind =
  | 'signed-out' // no token: sign in
  | 'sign-in-again' // the token expired or was refused
  | 'not-a-member' // the server refused the writes or has no team for this person
  | 'unreachable' // network down, DNS, the proxy, the gateway or its database
  | 'bad-reply' // the server sent something this extension cannot read
  | 'refused'; // any other refusal (a body too large, a bad request): named in the message

export interface SyncProblem {
  kind: SyncProblemKind;
  /** The detail, for the options page's diagnostic (the server's own sentence where it gave one). */
  detail: string;
  /** When to try again at the earliest (ms since the epoch), when the server said. */
  retryAt?: number;
}

/** What this device remembers of its sync with one server as one person (the settings row `teamSync`). */
export interface SyncState {
  /** Server address and signed-in subject: a different one starts from the beginning. */
  account: string;
  cursor?: string;
  /** After a 409 (restored server, changed scope): the escalations seen since pulling again from the start. */
  fullPull?: { seen: string[] };
  lastPushAt?: string;
  lastPullAt?: string;
  /** The last time every queued event was sent and every page pulled. */
  lastSyncedAt?: string;
  /** Who signed in, as the last sync said: which pulled escalations are the team's, not this person's (lib/team/scope.ts). */
  reader?: Reader;
  problem?: SyncProblem & { at: string };
}
