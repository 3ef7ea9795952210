// "Your records": what is stored on this device, backup and restore, and
// deleting closed records past the retention period.
import { t } from '../../lib/strings';
import { JsonFileField } from '../shared/Field';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { requestPersistentStorage } from '../../lib/browser/database';
import { BackupFileError, openRecordsKeeping, type ImportReport, type RecordsKeeping } from '../../lib/browser/records-keeping';
import { definitionsNothingFollows, forgetDefinition, keepBackupDefinitions } from '../../lib/browser/protocols';
import { loadSettings } from '../../lib/browser/settings-storage';
import { mayOfferDeletion, settingsArrived, staleSettingsNote } from '../../lib/settings';
import { followSettings, settings } from '../shared/settings-signal';
import { protocolName, stageTitle, STATUS_LABELS } from '../../lib/escalation/describe';
import { downloadText } from '../../lib/browser/download';
import { announceRecordsChanged } from '../../lib/browser/records-bridge';
import { formatDue } from '../../lib/time/format';
import type { Escalation } from '../../lib/records/model';
import { useRecords } from '../shared/useRecords';
import { RecordsTable, type Column } from '../shared/RecordsTable';
import { messageOf } from '../../lib/errors';
import { subjectOf } from '../../lib/records/about';

async function downloadBackup(db: RecordsKeeping, ids?: string[]) {
  const backup = await db.backup(ids);
  downloadText(`escalations-backup-${backup.exportedAt.slice(0, 10)}.json`, JSON.stringify(backup, null, 2));
}

const ESCALATION_COLUMNS: Column<Escalation>[] = [
  { heading: t('reference'), cell: (e) => e.reference },
  { heading: t('childId'), cell: subjectOf },
  { heading: t('protocol'), cell: (e) => protocolName(e.protocolId) },
  { heading: t('stage'), cell: (e) => stageTitle(e.protocolId, e.currentStage) },
  { heading: t('status'), cell: (e) => STATUS_LABELS[e.status] },
  { heading: t('due'), cell: (e) => (e.nextDue ? formatDue(e.nextDue) : '—') },
];

function EscalationTable({ rows, caption }: { rows: Escalation[]; caption: string }) {
  return (
    <RecordsTable
      caption={caption}
      columns={ESCALATION_COLUMNS}
      rows={rows}
      rowKey={(e) => e.id}
      rowAttributes={(e) => ({ 'data-escalation': e.id })}
    />
  );
}

function ImportResult({ report }: { report: ImportReport }) {
  return (
    <div role="status" class="report">
      <p>
        <strong>{t('importFinished')}</strong>{' '}
        {t('importCounts', {
          added: String(report.added.length),
          updated: String(report.updated.length),
          skipped: String(report.skipped.length),
          rejected: String(report.rejected.length),
        })}
      </p>
      {report.skipped.length > 0 && (
        <ul aria-label={t('skipped')}>
          {report.skipped.map((s) => (
            <li key={s.id}>
              {s.id}: {s.reason}
            </li>
          ))}
        </ul>
      )}
      {report.rejected.length > 0 && (
        <ul aria-label={t('rejected')}>
          {report.rejected.map((r) => (
            <li key={r.index}>
              {t('recordN', { n: String(r.index + 1) })}
              {r.id ? ` (${r.id})` : ''}: {r.reason}
            </li>
          ))}
        </ul>
      )}
      {report.conflicts.length > 0 && (
        <>
          <p>{t('importConflicts')}</p>
          <ul aria-label={t('conflictsTitle')}>
            {report.conflicts.map((c) => (
              <li key={c.id} data-conflict-escalation={c.id}>
                {c.reference}
              </li>
            ))}
          </ul>
        </>
      )}
      {report.protocolsRejected.length > 0 && (
        <ul aria-label={t('protocolsNotKept')}>
          {report.protocolsRejected.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Retention({ db }: { db: RecordsKeeping }) {
  const [candidates, setCandidates] = useState<Escalation[] | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [message, setMessage] = useState('');
  useEffect(() => void followSettings(), []);
  // No period, and nothing offered, until the settings arrive: never the built-in 12 months in the meantime. Only
  // the organisation's current policy decides what may be deleted, never the one its policy store last gave.
  const months = settingsArrived(settings.value) ? settings.value.values.retentionMonths : null;
  const offering = months !== null && mayOfferDeletion(settings.value);
  const refresh = useCallback(
    () => (offering ? db.closedPastRetention({ months }).then(setCandidates) : Promise.resolve(setCandidates(null))),
    [db, months, offering],
  );
  useEffect(() => void refresh(), [refresh]);
  if (months === null) return <p role="status">{t('waitingForOrganisationSettings')}</p>;
  const stale = staleSettingsNote(settings.value);
  return (
    <section aria-labelledby="retention-title">
      <h2 id="retention-title">{t('retentionTitle', { months: String(months) })}</h2>
      {stale && <p class="note">{stale}</p>}
      {!offering ? (
        <p>{t('deletionWaitsForPolicy')}</p>
      ) : !candidates ? null : candidates.length === 0 ? (
        <p>{t('noneToDelete', { months: String(months) })}</p>
      ) : (
        <>
          <EscalationTable rows={candidates} caption={t('dueForDeletion')} />
          <p>{t('exportFirst')}</p>
          <button
            type="button"
            onClick={() =>
              downloadBackup(
                db,
                candidates.map((c) => c.id),
              )
            }
          >
            {t('exportTheseN', { n: String(candidates.length) })}
          </button>
          <label class="check">
            <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.currentTarget.checked)} />
            {t('understandDeletion')}
          </label>
          <button
            type="button"
            class="danger"
            disabled={!confirmed}
            onClick={async () => {
              const deleted = await db.deleteClosed(
                candidates.map((c) => c.id),
                { confirmed: true, exportOffered: true },
                { months },
              );
              setMessage(t('recordsDeleted', { n: String(deleted.length) }));
              announceRecordsChanged();
              setConfirmed(false);
              await refresh();
            }}
          >
            {t('deleteTheseRecords')}
          </button>
        </>
      )}
      <p role="status">{message}</p>
    </section>
  );
}

/** Protocol definitions a backup brought that nothing follows: each can be removed from the library every page reads. */
function KeptProtocols({ db, changed }: { db: RecordsKeeping; changed: unknown }) {
  const [kept, setKept] = useState<{ key: string; title: string }[] | null>(null);
  const [message, setMessage] = useState('');
  const refresh = useCallback(async () => setKept(await definitionsNothingFollows(await db.protocolVersionsInUse())), [db]);
  useEffect(() => void refresh(), [refresh, changed]);
  if (!kept) return null;
  return (
    <section aria-labelledby="kept-protocols-title">
      <h2 id="kept-protocols-title">{t('keptProtocolsTitle')}</h2>
      {kept.length === 0 ? (
        <p>{t('keptProtocolsNone')}</p>
      ) : (
        <>
          <p>{t('keptProtocolsIntro')}</p>
          <ul>
            {kept.map((d) => (
              <li key={d.key} data-protocol-key={d.key}>
                <bdi>{d.title}</bdi> ({d.key}){' '}
                <button
                  type="button"
                  onClick={async () => {
                    const removed = await forgetDefinition(d.key, await db.protocolVersionsInUse());
                    setMessage(t(removed ? 'keptProtocolRemoved' : 'keptProtocolNotRemoved', { title: d.title }));
                    await refresh();
                  }}
                >
                  {t('removeKeptProtocol', { title: d.title })}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <p role="status">{message}</p>
    </section>
  );
}

export function RecordsPage() {
  const [db, setDb] = useState<RecordsKeeping | null>(null);
  const [openError, setOpenError] = useState('');
  const [persistent, setPersistent] = useState<boolean | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [importError, setImportError] = useState('');

  useEffect(() => {
    openRecordsKeeping().then(setDb, (error: Error) => setOpenError(error.message));
    requestPersistentStorage().then(setPersistent, () => setPersistent(false));
  }, []);
  const all = useRecords(db ? { kind: 'all' } : null);

  async function onImport(file: File) {
    setReport(null);
    setImportError('');
    try {
      const { closureDays } = (await loadSettings()).values; // the dues written follow the organisation's closure days
      setReport(await db!.restore(await file.text(), keepBackupDefinitions, { closureDays }));
      announceRecordsChanged();
    } catch (error) {
      setImportError(error instanceof BackupFileError ? error.message : t('importFailed', { reason: messageOf(error) }));
    }
  }

  return (
    <main class="panel wide">
      <h1>{t('recordsTitle')}</h1>
      <p>
        {t('recordsIntro')} {persistent === true && t('storagePersistent')}
        {persistent === false && t('storageNotPersistent')}
      </p>
      {openError && (
        <p role="alert" class="error">
          {openError}
        </p>
      )}
      {db && (
        <>
          <EscalationTable rows={all.value ?? []} caption={t('allEscalationsN', { n: String(all.value?.length ?? 0) })} />
          <section aria-labelledby="backup-title">
            <h2 id="backup-title">{t('backupTitle')}</h2>
            <button type="button" onClick={() => downloadBackup(db)}>
              {t('exportAll')}
            </button>
            <JsonFileField id="import-file" label={t('importBackup')} onFile={(file) => void onImport(file)} />
            {importError && (
              <p role="alert" class="error">
                {importError}
              </p>
            )}
            {report && <ImportResult report={report} />}
          </section>
          <KeptProtocols db={db} changed={report} />
          <Retention db={db} />
        </>
      )}
    </main>
  );
}
