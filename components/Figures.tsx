// Figures for the partnership's quarterly return: how many escalations, how far
// they went, on what themes, where they were resolved and how long it took.
// Exports carry no child identifiers (lib/figures.ts).
import { liveQuery } from 'dexie';
import { useEffect, useMemo } from 'preact/hooks';
import { createCalendar, londonDay } from '../lib/calendar';
import { protocolShortName } from '../lib/describe';
import type { EscalationDb } from '../lib/db';
import { downloadText } from '../lib/download';
import { anonymisedListCsv, figuresCsv, partnershipFigures, recentQuarters, stageNumberLabel, type Period } from '../lib/figures';
import { listProtocols } from '../lib/protocols';
import { DISAGREEMENT_KINDS } from '../lib/records/model';
import { replaceAddress } from './address';
import { BarChart } from './BarChart';
import { Field } from './Field';
import { now } from './now';
import { settings } from './settings';
import { useLive } from './useLive';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function Figures({ db, params }: { db: EscalationDb; params: URLSearchParams }) {
  useEffect(() => void (document.title = 'Figures – Escalation Companion'), []);
  const quarters = recentQuarters(londonDay(now.value), 8);
  const from = DAY.test(params.get('from') ?? '') ? params.get('from')! : quarters[0]!.from;
  const to = DAY.test(params.get('to') ?? '') ? params.get('to')! : quarters[0]!.to;
  const protocolId = listProtocols().some((p) => p.id === params.get('protocol')) ? params.get('protocol')! : undefined;
  const period: Period = { from, to };
  const set = (change: Record<string, string | undefined>) => {
    const next = new URLSearchParams({ view: 'figures', from, to, ...(protocolId ? { protocol: protocolId } : {}) });
    for (const [k, v] of Object.entries(change)) v ? next.set(k, v) : next.delete(k);
    replaceAddress(next);
  };
  const all = useLive(() => liveQuery(() => db.escalations.toArray()), [db]);
  const calendar = useMemo(() => createCalendar(settings.value.values.extraNonWorkingDays), [settings.value]);
  const figures = all.value ? partnershipFigures(all.value, { period, protocolId, now: now.value, calendar }) : null;
  const quarter = quarters.find((q) => q.from === from && q.to === to);
  const stage = (n: number) => stageNumberLabel(n, protocolId);
  const fileStem = `escalation-figures-${protocolId ?? 'all-protocols'}-${from}-to-${to}`;

  return (
    <section aria-labelledby="figures-title">
      <h2 id="figures-title">Figures for the partnership</h2>
      <p class="note">
        Escalations recorded in this browser that were open at any time in the period. The downloads contain no child ID, name, date of birth,
        address, reference or free text.
      </p>
      <form class="filters" aria-label="Period and protocol" onSubmit={(e) => e.preventDefault()}>
        <Field id="figures-quarter" label="Quarter">
          <select id="figures-quarter" value={quarter ? quarter.from : ''} onChange={(e) => {
            const q = quarters.find((x) => x.from === (e.currentTarget as HTMLSelectElement).value);
            if (q) set({ from: q.from, to: q.to });
          }}>
            {!quarter && <option value="">Other dates</option>}
            {quarters.map((q) => (
              <option key={q.from} value={q.from}>
                {q.label}
              </option>
            ))}
          </select>
        </Field>
        <Field id="figures-from" label="From">
          <input id="figures-from" type="date" value={from} onChange={(e) => DAY.test((e.currentTarget as HTMLInputElement).value) && set({ from: (e.currentTarget as HTMLInputElement).value })} />
        </Field>
        <Field id="figures-to" label="To">
          <input id="figures-to" type="date" value={to} onChange={(e) => DAY.test((e.currentTarget as HTMLInputElement).value) && set({ to: (e.currentTarget as HTMLInputElement).value })} />
        </Field>
        <Field id="figures-protocol" label="Protocol">
          <select id="figures-protocol" value={protocolId ?? ''} onChange={(e) => set({ protocol: (e.currentTarget as HTMLSelectElement).value || undefined })}>
            <option value="">All protocols</option>
            {listProtocols().map((p) => (
              <option key={p.id} value={p.id}>
                {p.partnership}
              </option>
            ))}
          </select>
        </Field>
      </form>
      {from > to && (
        <p role="alert" class="error">
          The period starts after it ends: choose a “From” date on or before the “To” date.
        </p>
      )}
      {all.error && (
        <p role="alert" class="error">
          {all.error.message}
        </p>
      )}
      {!figures && !all.error && <p>Loading…</p>}
      {figures && (
        <>
          <dl class="key-figures">
            <div>
              <dt>Open in the period</dt>
              <dd data-figure="total">{figures.total}</dd>
            </div>
            <div>
              <dt>Resolved in the period</dt>
              <dd data-figure="resolved">{figures.resolved}</dd>
            </div>
            <div>
              <dt>Withdrawn in the period</dt>
              <dd data-figure="withdrawn">{figures.withdrawn}</dd>
            </div>
            <div>
              <dt>Median working days to resolution</dt>
              <dd data-figure="median">{figures.medianWorkingDaysToResolution ?? '—'}</dd>
            </div>
            <div>
              <dt>Open and overdue now</dt>
              <dd data-figure="overdue">{figures.openOverdue}</dd>
            </div>
          </dl>
          <div class="downloads">
            <button type="button" onClick={() => downloadText(`${fileStem}.csv`, figuresCsv(figures), 'text/csv')}>
              Download these figures (CSV)
            </button>
            <button type="button" onClick={() => downloadText(`${fileStem}-list.csv`, anonymisedListCsv(all.value!, { period, protocolId, now: now.value, calendar }), 'text/csv')}>
              Download the anonymised list (CSV)
            </button>
          </div>
          <div class="charts">
            <BarChart id="reached" title="Reached each stage in the period" bars={figures.reachedStage.map((r) => ({ label: stage(r.stage), value: r.count }))} />
            <BarChart id="kind" title="What the disagreements were about" bars={figures.byKind.map((k) => ({ label: DISAGREEMENT_KINDS[k.kind], value: k.count }))} />
            <BarChart id="resolved" title="Resolved in the period, by the stage it was resolved at" bars={figures.resolvedAtStage.map((r) => ({ label: stage(r.stage), value: r.count }))} />
            {!protocolId && <BarChart id="protocol" title="By protocol" bars={figures.byProtocol.map((p) => ({ label: protocolShortName(p.protocolId), value: p.count }))} />}
          </div>
          <h3>Themes of escalations at each stage</h3>
          <table class="records themes">
            <caption class="visually-hidden">Escalations that reached each stage in the period, by what the disagreement was about</caption>
            <thead>
              <tr>
                <th scope="col">Stage reached</th>
                <th scope="col">Escalations</th>
                <th scope="col">This stage or higher</th>
                <th scope="col">About</th>
              </tr>
            </thead>
            <tbody>
              {figures.reachedStage.map((r) => (
                <tr key={r.stage} data-stage={r.stage}>
                  <th scope="row">{stage(r.stage)}</th>
                  <td>{r.count}</td>
                  <td data-at-least={r.stage}>{figures.reachedAtLeast.find((a) => a.stage === r.stage)?.count ?? 0}</td>
                  <td>{r.byKind.map((k) => `${DISAGREEMENT_KINDS[k.kind]} (${k.count})`).join('; ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
