// Under an escalation, when a team server is set up: whether it has reached the team, from the outbox (never from
// whether a sync merely ran). Nothing at all without a team server.
import { escalationSyncWords } from '../../lib/team/status';
import { now } from './now';
import { useRecords } from './useRecords';

export function SyncState({ id }: { id: string }) {
  const { value } = useRecords({ kind: 'sync-state', id });
  if (!value?.configured) return null;
  const words = escalationSyncWords({ configured: true, signedIn: !value.signedOut, oldestQueuedAt: value.oldestQueuedAt, now: now.value });
  return (
    <p class="sync-state" data-sync-state role="status">
      {words}
    </p>
  );
}
