// "Your records": what is stored on this device, backup and restore, and
// deleting closed records past the retention period.
import { useEffect, useState } from 'preact/hooks';
import { database, requestPersistentStorage } from '../lib/browser/database';
import { loadSettings } from '../lib/browser/settings';
import { BackupFileError, exportBackup, importBackup, type ImportReport } from '../lib/db/backup';
import { DEFAULT_RETENTION_MONTHS, purgeCandidates, purgeEscalations } from '../lib/db/retention';
import type { EscalationDb } from '../lib/db';
import { live } from '../lib/escalations';
import { protocolName, stageTitle, STATUS_LABELS } from '../lib/describe';
import { downloadText } from '../lib/download';
import { announceRecordsChanged } from '../lib/browser/records-bridge';
import { formatDue } from '../lib/format';
import type { Escalation } from '../lib/records/model';
import { useLive } from './useLive';

async function downloadBackup(db: EscalationDb, ids?: string[]) {
  const backup = await exportBackup(db, ids);
  downloadText(`escalations-backup-${backup.exportedAt.slice(0, 10)}.json`, JSON.stringify(backup, null, 2));
}

function EscalationTable({ rows, caption }: { rows: Escalation[]; caption: string }) {
  return (
    <table class="records">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Reference</th>
          <th scope="col">Child ID</th>
          <th scope="col">Protocol</th>
          <th scope="col">Stage</th>
          <th scope="col">Status</th>
          <th scope="col">Due</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((e) => (
          <tr key={e.id} data-escalation={e.id}>
            <td>{e.reference}</td>
            <td>{e.child.childId}</td>
            <td>{protocolName(e.protocolId)}</td>
            <td>{stageTitle(e.protocolId, e.currentStage)}</td>
            <td>{STATUS_LABELS[e.status]}</td>
            <td>{e.nextDue ? formatDue(e.nextDue) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ImportResult({ report }: { report: ImportReport }) {
  return (
    <div role="status" class="report">
      <p>
        <strong>Import finished:</strong> {report.added.length} added, {report.updated.length} updated, {report.skipped.length} skipped,{' '}
        {report.rejected.length} rejected.
      </p>
      {report.skipped.length > 0 && (
        <ul aria-label="Skipped">
          {report.skipped.map((s) => (
            <li key={s.id}>
              {s.id}: {s.reason}
            </li>
          ))}
        </ul>
      )}
      {report.rejected.length > 0 && (
        <ul aria-label="Rejected">
          {report.rejected.map((r) => (
            <li key={r.index}>
              Record {r.index + 1}
              {r.id ? ` (${r.id})` : ''}: {r.reason}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Retention({ db }: { db: EscalationDb }) {
  const [candidates, setCandidates] = useState<Escalation[] | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [message, setMessage] = useState('');
  const [months, setMonths] = useState(DEFAULT_RETENTION_MONTHS);
  useEffect(() => void loadSettings().then((s) => setMonths(s.values.retentionMonths)), []);
  const refresh = () => purgeCandidates(db, { months }).then(setCandidates);
  useEffect(() => void refresh(), [db, months]);
  if (!candidates) return null;
  return (
    <section aria-labelledby="retention-title">
      <h2 id="retention-title">Closed records older than {months} months</h2>
      {candidates.length === 0 ? (
        <p>None. Resolved and withdrawn escalations are offered for deletion {months} months after they were closed.</p>
      ) : (
        <>
          <EscalationTable rows={candidates} caption="Due for deletion" />
          <p>Export them first if you may need them again.</p>
          <button type="button" onClick={() => downloadBackup(db, candidates.map((c) => c.id))}>
            Export these {candidates.length} records
          </button>
          <label class="check">
            <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed((e.currentTarget as HTMLInputElement).checked)} />I
            understand these records will be permanently deleted from this device
          </label>
          <button
            type="button"
            class="danger"
            disabled={!confirmed}
            onClick={async () => {
              const deleted = await purgeEscalations(db, candidates.map((c) => c.id), { confirmed: true, exportOffered: true }, { months });
              setMessage(`${deleted.length} records deleted.`);
              announceRecordsChanged();
              setConfirmed(false);
              await refresh();
            }}
          >
            Delete these records
          </button>
        </>
      )}
      <p role="status">{message}</p>
    </section>
  );
}

export function RecordsPage() {
  const [db, setDb] = useState<EscalationDb | null>(null);
  const [openError, setOpenError] = useState('');
  const [persistent, setPersistent] = useState<boolean | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [importError, setImportError] = useState('');

  useEffect(() => {
    database().then(setDb, (error: Error) => setOpenError(error.message));
    requestPersistentStorage().then(setPersistent, () => setPersistent(false));
  }, []);
  const all = useLive(() => (db ? live.all(db) : null), [db]);

  async function onImport(file: File) {
    setReport(null);
    setImportError('');
    try {
      setReport(await importBackup(db!, await file.text()));
      announceRecordsChanged();
    } catch (error) {
      setImportError(error instanceof BackupFileError ? error.message : `The import failed: ${(error as Error).message}. Nothing was imported.`);
    }
  }

  return (
    <main class="panel wide">
      <h1>Your escalation records</h1>
      <p>
        These records are kept only in this browser on this device. Nothing is sent anywhere.{' '}
        {persistent === true && 'The browser will keep them even when disk space runs low.'}
        {persistent === false && 'The browser may clear them if disk space runs low: export a backup regularly.'}
      </p>
      {openError && (
        <p role="alert" class="error">
          {openError}
        </p>
      )}
      {db && (
        <>
          <EscalationTable rows={all.value ?? []} caption={`All escalations (${all.value?.length ?? 0})`} />
          <section aria-labelledby="backup-title">
            <h2 id="backup-title">Backup and restore</h2>
            <button type="button" onClick={() => downloadBackup(db)}>
              Export all records
            </button>
            <div class="field">
              <label for="import-file">Import a backup file</label>
              <input
                id="import-file"
                type="file"
                accept="application/json,.json"
                onChange={(e) => {
                  const file = (e.currentTarget as HTMLInputElement).files?.[0];
                  if (file) void onImport(file);
                }}
              />
            </div>
            {importError && (
              <p role="alert" class="error">
                {importError}
              </p>
            )}
            {report && <ImportResult report={report} />}
          </section>
          <Retention db={db} />
        </>
      )}
    </main>
  );
}
