// The manager's team view: a row per worker, drilling into that worker's escalations; those waiting on a manager;
// filters; a CSV with no identifiers, exported only once the team server has recorded the export.
import { useState } from 'preact/hooks';
import { logTeamExport } from '../../lib/browser/team-sync';
import { protocolName, stageTitle } from '../../lib/escalation/describe';
import { downloadText } from '../../lib/browser/download';
import { formatDue } from '../../lib/time/format';
import { DUE_BUCKET_LABELS, dueWindows, type DueBucket } from '../../lib/views/overview';
import { t } from '../../lib/strings';
import { filterTeam, waitingOnManager, workerRows, workerRowsCsv, type TeamEntry, type TeamFilter } from '../../lib/views/team-view';
import { now } from '../shared/now';
import { useRecords } from '../shared/useRecords';
import { RecordsTable } from '../shared/RecordsTable';
import { Options } from '../shared/Field';

function useTeam(): TeamEntry[] | undefined {
  return useRecords({ kind: 'team' }).value;
}

const unique = (values: string[]) => [...new Set(values)].sort();

function Choice({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value?: string;
  options: [string, string][];
  onChange: (v?: string) => void;
}) {
  return (
    <label>
      {label}{' '}
      <select value={value ?? ''} onChange={(e) => onChange(e.currentTarget.value || undefined)}>
        <Options first={t('teamViewAll')} list={options} />
      </select>
    </label>
  );
}

function EscalationRows({ entries, label }: { entries: TeamEntry[]; label: string }) {
  return (
    <ul class="team-escalations" aria-label={label}>
      {entries.map(({ escalation: e }) => (
        <li key={e.id} data-team-escalation={e.id}>
          <a href={`#view=escalation&id=${encodeURIComponent(e.id)}`}>{e.reference}</a> · {protocolName(e.protocolId)} ·{' '}
          {stageTitle(e.protocolId, e.currentStage)}
          {e.nextDueAt && ` · ${formatDue(e.nextDue ?? e.nextDueAt)}`}
        </li>
      ))}
    </ul>
  );
}

export function TeamView() {
  const entries = useTeam();
  const [filter, setFilter] = useState<TeamFilter>({});
  const [message, setMessage] = useState('');
  if (!entries) return <p>{t('loading')}</p>;
  if (!entries.length) return <p data-team-empty>{t('teamViewEmpty')}</p>;
  const windows = dueWindows(now.value);
  const shown = filterTeam(entries, filter, windows);
  const rows = workerRows(shown, windows);
  const waiting = waitingOnManager(shown);
  const set = (key: keyof TeamFilter) => (value?: string) => setFilter({ ...filter, [key]: value });
  const exportRows = async () => {
    setMessage('');
    const refused = await logTeamExport(`team view: ${rows.length} worker rows`, filter.team);
    if (refused) return setMessage(t('teamViewExportNotLogged', { reason: refused }));
    downloadText('team-escalations.csv', workerRowsCsv(rows), 'text/csv');
    setMessage(t('teamViewExported'));
  };
  return (
    <section aria-labelledby="team-view-title" data-team-view>
      <h2 id="team-view-title">{t('teamViewTitle')}</h2>
      <div class="filters">
        <Choice
          label={t('teamViewTeam')}
          value={filter.team}
          options={unique(entries.map((e) => e.team)).map((v) => [v, v])}
          onChange={set('team')}
        />
        <Choice
          label={t('teamViewWorker')}
          value={filter.worker}
          options={unique(entries.map((e) => e.owner)).map((v) => [v, v])}
          onChange={set('worker')}
        />
        <Choice
          label={t('teamViewProtocol')}
          value={filter.protocol}
          options={unique(entries.map((e) => e.escalation.protocolId)).map((v) => [v, protocolName(v)])}
          onChange={set('protocol')}
        />
        <Choice
          label={t('teamViewStage')}
          value={filter.stage}
          options={unique(entries.map((e) => e.escalation.currentStage)).map((v) => [v, v])}
          onChange={set('stage')}
        />
        <Choice
          label={t('teamViewDue')}
          value={filter.due}
          options={Object.entries(DUE_BUCKET_LABELS) as [DueBucket, string][]}
          onChange={(v) => setFilter({ ...filter, due: v as DueBucket | undefined })}
        />
        <label>
          {t('teamViewAgency')} <input value={filter.agency ?? ''} onInput={(e) => set('agency')(e.currentTarget.value || undefined)} />
        </label>
      </div>
      <RecordsTable
        columns={[
          {
            heading: t('teamViewWorker'),
            rowHeader: true,
            cell: (r) => (
              <button type="button" class="link" onClick={() => set('worker')(r.owner)}>
                {r.owner}
              </button>
            ),
          },
          { heading: t('teamViewTeam'), cell: (r) => r.team },
          { heading: t('teamViewOpen'), cell: (r) => r.open },
          { heading: t('teamViewOverdue'), cell: (r) => r.overdue },
          { heading: t('teamViewDueThisWeek'), cell: (r) => r.dueThisWeek },
          { heading: t('teamViewStageTwo'), cell: (r) => r.stageTwoOrAbove },
          { heading: t('teamViewOldestOverdue'), cell: (r) => (r.oldestOverdue ? formatDue(r.oldestOverdue) : '') },
          { heading: t('teamViewLastSynced'), cell: (r) => formatDue(r.lastSynced) },
        ]}
        rows={rows}
        rowKey={(r) => `${r.team}/${r.owner}`}
        rowAttributes={(r) => ({ 'data-worker': r.owner })}
      />
      <button type="button" onClick={() => void exportRows()}>
        {t('teamViewExport')}
      </button>
      <p role="status">{message}</p>
      {filter.worker && (
        <>
          <h3>{t('teamViewEscalationsOf', { worker: filter.worker })}</h3>
          <EscalationRows entries={shown} label={t('teamViewEscalationsOf', { worker: filter.worker })} />
        </>
      )}
      <h3>{t('teamViewWaiting')}</h3>
      {waiting.length ? <EscalationRows entries={waiting} label={t('teamViewWaiting')} /> : <p>{t('teamViewNoneWaiting')}</p>}
    </section>
  );
}

/** The dashboard's link to the team view, there only once this device holds team escalations (a manager's, synced). */
export function TeamLink({ current }: { current: boolean }) {
  const shown = (useRecords({ kind: 'team-held' }).value ?? 0) > 0;
  return shown ? (
    <a href="#view=team" aria-current={current ? 'page' : undefined}>
      {t('teamViewNav')}
    </a>
  ) : null;
}
