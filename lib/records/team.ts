// Whose team each escalation is, as the team store said: kept on this device (lib/db/) for the manager's team
// view (lib/views/team-view.ts). Below both, so the store and the sync client (lib/sync/) that fills it need
// not import each other.

/** Each escalation's team and owner (who wrote its "created" event) as the server said, for the team view. */
export interface TeamEscalationRow {
  escalationId: string;
  team: string;
  owner: string;
  /** When the server last recorded one of its events (ISO): the owner's last sync, as far as this device knows. */
  lastRecordedAt: string;
}
