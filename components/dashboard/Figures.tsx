// Figures for the partnership's quarterly return: how many escalations, how far
// they went, on what themes, where they were resolved and how long it took.
// Exports carry no child identifiers (lib/views/figures.ts).
import { t } from '../../lib/strings';
import { useEffect } from 'preact/hooks';
import { londonDay } from '../../lib/time/calendar';
import { protocolShortName } from '../../lib/escalation/describe';
import { downloadText } from '../../lib/browser/download';
import { anonymisedListCsv, figuresCsv, partnershipFigures, recentQuarters, stageNumberLabel, type Period } from '../../lib/views/figures';
import { listProtocols } from '../../lib/protocols';
import { DISAGREEMENT_KINDS } from '../../lib/protocols/kinds';
import { replaceAddress } from './address';
import { BarChart } from './BarChart';
import { Field, Options } from '../shared/Field';
import { now } from '../shared/now';
import { settings } from '../shared/settings-signal';
import { useRecords } from '../shared/useRecords';
import { RecordsTable } from '../shared/RecordsTable';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function Figures({ params }: { params: URLSearchParams }) {
  useEffect(() => void (document.title = t('pageTitleFigures')), []);
  const quarters = recentQuarters(londonDay(now.value), 8);
  const from = DAY.test(params.get('from') ?? '') ? params.get('from')! : quarters[0]!.from;
  const to = DAY.test(params.get('to') ?? '') ? params.get('to')! : quarters[0]!.to;
  const protocolId = listProtocols().some((p) => p.id === params.get('protocol')) ? params.get('protocol')! : undefined;
  // A manager's own escalations unless they choose their team's (lib/team/scope.ts).
  const scope = params.get('scope') === 'team' ? 'team' : 'mine';
  const period: Period = { from, to };
  const set = (change: Record<string, string | undefined>) => {
    const next = new URLSearchParams({
      view: 'figures',
      from,
      to,
      ...(protocolId ? { protocol: protocolId } : {}),
      ...(scope === 'team' ? { scope } : {}),
    });
    for (const [k, v] of Object.entries(change)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    replaceAddress(next);
  };
  const counted = useRecords({ kind: 'figures', scope });
  const all = { value: counted.value?.escalations, error: counted.error };
  // Each escalation's working days are its protocol's nation's, less these (lib/views/figures.ts).
  const closureDays = settings.value.values.closureDays;
  const figures = all.value ? partnershipFigures(all.value, { period, protocolId, now: now.value, closureDays }) : null;
  const quarter = quarters.find((q) => q.from === from && q.to === to);
  const stage = (n: number) => stageNumberLabel(n, protocolId);
  const fileStem = `escalation-figures-${protocolId ?? 'all-protocols'}-${from}-to-${to}`;

  return (
    <section aria-labelledby="figures-title">
      <h2 id="figures-title">{t('figuresTitle')}</h2>
      <p class="note">{t('figuresIntro')}</p>
      <form class="filters" aria-label={t('periodAndProtocol')} onSubmit={(e) => e.preventDefault()}>
        <Field id="figures-quarter" label={t('quarter')}>
          <select
            id="figures-quarter"
            value={quarter ? quarter.from : ''}
            onChange={(e) => {
              const q = quarters.find((x) => x.from === e.currentTarget.value);
              if (q) set({ from: q.from, to: q.to });
            }}
          >
            <Options first={quarter ? undefined : t('otherDates')} list={quarters.map((q) => [q.from, q.label])} />
          </select>
        </Field>
        {(['from', 'to'] as const).map((end) => (
          <Field key={end} id={`figures-${end}`} label={t(end)}>
            <input
              id={`figures-${end}`}
              type="date"
              value={{ from, to }[end]}
              onChange={(e) => DAY.test(e.currentTarget.value) && set({ [end]: e.currentTarget.value })}
            />
          </Field>
        ))}
        <Field id="figures-protocol" label={t('protocol')}>
          <select id="figures-protocol" value={protocolId ?? ''} onChange={(e) => set({ protocol: e.currentTarget.value || undefined })}>
            <Options first={t('allProtocols')} list={listProtocols().map((p) => [p.id, p.partnership])} />
          </select>
        </Field>
        {counted.value?.teamOffered && (
          <Field id="figures-scope" label={t('figuresScope')}>
            <select
              id="figures-scope"
              value={scope}
              onChange={(e) => set({ scope: e.currentTarget.value === 'team' ? 'team' : undefined })}
            >
              <option value="mine">{t('figuresScopeMine')}</option>
              <option value="team">{t('figuresScopeTeam')}</option>
            </select>
          </Field>
        )}
      </form>
      {from > to && (
        <p role="alert" class="error">
          {t('periodBackwards')}
        </p>
      )}
      {all.error && (
        <p role="alert" class="error">
          {all.error.message}
        </p>
      )}
      {!figures && !all.error && <p>{t('loading')}</p>}
      {figures && (
        <>
          <dl class="key-figures">
            {(
              [
                ['total', 'openInPeriod', figures.total],
                ['themes', 'figureThemes', figures.themes],
                ['resolved', 'resolvedInPeriod', figures.resolved],
                ['withdrawn', 'withdrawnInPeriod', figures.withdrawn],
                ['median', 'medianDays', figures.medianWorkingDaysToResolution ?? '—'],
                ['overdue', 'openOverdueNow', figures.openOverdue],
                [
                  'acknowledged',
                  'stagesAcknowledged',
                  t('ofStagesEntered', {
                    acknowledged: String(figures.acknowledgement.acknowledged),
                    entered: String(figures.acknowledgement.stagesEntered),
                  }),
                ],
                ['median-acknowledge', 'medianDaysToAcknowledge', figures.acknowledgement.medianWorkingDaysToAcknowledge ?? '—'],
                ['not-acknowledged', 'openNotYetAcknowledged', figures.openNotYetAcknowledged],
              ] as const
            ).map(([figure, words, value]) => (
              <div key={figure}>
                <dt>{t(words)}</dt>
                <dd data-figure={figure}>{value}</dd>
              </div>
            ))}
          </dl>
          <div class="downloads">
            <button type="button" onClick={() => downloadText(`${fileStem}.csv`, figuresCsv(figures), 'text/csv')}>
              {t('downloadFigures')}
            </button>
            <button
              type="button"
              onClick={() =>
                downloadText(
                  `${fileStem}-list.csv`,
                  anonymisedListCsv(all.value!, { period, protocolId, now: now.value, closureDays }),
                  'text/csv',
                )
              }
            >
              {t('downloadList')}
            </button>
          </div>
          <div class="charts">
            <BarChart
              id="reached"
              title={t('chartReached')}
              bars={figures.reachedStage.map((r) => ({ label: stage(r.stage), value: r.count }))}
            />
            <BarChart
              id="kind"
              title={t('chartKind')}
              bars={figures.byKind.map((k) => ({ label: DISAGREEMENT_KINDS[k.kind], value: k.count }))}
            />
            <BarChart
              id="resolved"
              title={t('chartResolved')}
              bars={figures.resolvedAtStage.map((r) => ({ label: stage(r.stage), value: r.count }))}
            />
            {!protocolId && (
              <BarChart
                id="protocol"
                title={t('chartProtocol')}
                bars={figures.byProtocol.map((p) => ({ label: protocolShortName(p.protocolId), value: p.count }))}
              />
            )}
          </div>
          <h3>{t('themesTitle')}</h3>
          <RecordsTable
            class="themes"
            caption={t('themesCaption')}
            captionHidden
            columns={[
              { heading: t('stageReached'), rowHeader: true, cell: (r) => stage(r.stage) },
              { heading: t('escalations'), cell: (r) => r.count },
              {
                heading: t('stageOrHigher'),
                cell: (r) => figures.reachedAtLeast.find((a) => a.stage === r.stage)?.count ?? 0,
                attributes: (r) => ({ 'data-at-least': String(r.stage) }),
              },
              { heading: t('about'), cell: (r) => r.byKind.map((k) => `${DISAGREEMENT_KINDS[k.kind]} (${k.count})`).join('; ') },
            ]}
            rows={figures.reachedStage}
            rowKey={(r) => String(r.stage)}
            rowAttributes={(r) => ({ 'data-stage': String(r.stage) })}
          />
        </>
      )}
    </section>
  );
}
