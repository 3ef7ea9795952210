// The dashboard: every escalation on this device, filtered and sorted; one
// escalation in full; and the partnership's figures. Its address (after #)
// says which, so links from the popup and from reminders land in the right place.
import { useEffect, useState } from 'preact/hooks';
import { database } from '../lib/browser/database';
import type { EscalationDb } from '../lib/db';
import type { Escalation } from '../lib/records/model';
import { address } from './address';
import { EscalationList } from './EscalationList';
import { EscalationView } from './EscalationView';
import { Figures } from './Figures';
import { followSettings } from './settings';
import { useRecords } from './useRecords';
import { followWorker, worker } from './worker';


function OneEscalation({ id }: { id: string }) {
  const { value, error, answered } = useRecords<Escalation | undefined>({ kind: 'escalation', id });
  useEffect(() => void (document.title = 'Escalation – Escalation Companion'), []);
  return (
    <>
      <p>
        <a href="#" onClick={(e) => (history.length > 1 ? (e.preventDefault(), history.back()) : undefined)}>
          ← All escalations
        </a>
      </p>
      {error && (
        <p role="alert" class="error">
          {error.message}
        </p>
      )}
      {!error && !answered && <p>Loading…</p>}
      {answered && value === undefined && (
        <p role="alert" class="error">
          This escalation is not in this browser. It may have been deleted after the retention period, or recorded on another device.
        </p>
      )}
      {value && (
        <>
          <p class="child-line" data-child-id={value.child.childId}>
            Child ID <strong>{value.child.childId}</strong>
          </p>
          <EscalationView escalation={value} by={worker.value} onRecordPage={false} />
        </>
      )}
    </>
  );
}

export function Dashboard() {
  const [db, setDb] = useState<EscalationDb | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    followSettings();
    followWorker();
    database().then(setDb, (e: Error) => setError(e.message));
  }, []);
  const params = address.value;
  const view = params.get('view');
  return (
    <main class="panel dashboard">
      <div class="bar">
        <h1>Escalations</h1>
        <nav aria-label="Dashboard">
          <a href="#" aria-current={!view ? 'page' : undefined}>
            All escalations
          </a>
          <a href="#view=figures" aria-current={view === 'figures' ? 'page' : undefined}>
            Figures for the partnership
          </a>
          <a href="/records.html">Your records and backups</a>
          <a href="/options.html">Settings</a>
        </nav>
      </div>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {view === 'escalation' && params.get('id') ? (
        <OneEscalation id={params.get('id')!} />
      ) : db && view === 'figures' ? (
        <Figures db={db} params={params} />
      ) : db ? (
        <EscalationList db={db} params={params} />
      ) : null}
    </main>
  );
}
