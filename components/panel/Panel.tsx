import { signal } from '@preact/signals';
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import {
  diagnosticsFromPage,
  followActiveTab,
  followOwnTab,
  heardFromPage,
  idLabel,
  insertIntoPage,
  movePanel,
  noRecordInTab,
  referencesOnPage,
  refusedNote,
  tabChild,
  tellPage,
} from './tab-child';
import { lazyComponent } from '../shared/lazy';
import { markFrame } from '../shared/marks';

// Only on a tab with no record (side panel): loaded then, not with every panel.
const DueOverview = lazyComponent(() => import('../popup/Popup').then((m) => m.DueOverview));
import { downloadText } from '../../lib/browser/download';
import { PANEL_SIDE_ITEM } from '../../lib/browser/storage';
import { previewLadder } from '../../lib/escalation/ladder';
import { getProtocol } from '../../lib/protocols';
import { t } from '../../lib/strings';
import { EscalationView } from '../shared/EscalationView';
import { ImmediateRisk } from '../shared/ImmediateRisk';
import { Ladder } from '../shared/Ladder';
import { PickConfirm, PickIdButton } from './PickId';
import { ProtocolSelect } from '../shared/ProtocolSelect';
import { now } from '../shared/now';
import { protocolInView, useProtocolInView } from '../shared/protocol-in-view';
import { StartForm } from './StartForm';
import { formFor, named, sameChild, savedFor, type FormChild } from './form-child';
import type { Bound, TabOpening } from './opening-questions';
import { followSettings, settings } from '../shared/settings-signal';
import { protocolLanguage } from '../shared/protocol-language';
import { useRecords } from '../shared/useRecords';
import { followWorker, worker } from '../shared/worker';

export type Surface = 'side-panel' | 'in-page';

const side = signal<'right' | 'left'>('right');
const askedAboutRisk = signal(false);

function ProtocolGuide() {
  const [protocolId, setProtocolId] = useState(settings.value.values.defaultProtocol);
  useProtocolInView(protocolId);
  const preview = previewLadder(protocolId, new Date().toISOString(), now.value, settings.value.values.closureDays, {
    language: protocolLanguage(),
  });
  return (
    <>
      <ProtocolSelect id="protocol" value={protocolId} onChange={setProtocolId} />
      <Ladder protocol={preview.protocol} stages={preview.stages} />
    </>
  );
}

function ChildEscalations({ child }: { child: FormChild }) {
  const { hostId, childId } = child;
  const { value: list, error } = useRecords({ kind: 'for-child', hostId, childId });
  const [chosen, setChosen] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [onRecord, setOnRecord] = useState<{ reference: string; line: string }[]>([]);
  const [tracking, setTracking] = useState<{ reference: string; line: string } | null>(null);
  // The first useful paint, for `npm run bench`.
  useLayoutEffect(() => void (list && markFrame('panel-ready', true)), [list]);
  useEffect(() => {
    setStarting(false);
    setTracking(null);
  }, [list?.length]);
  // Colleagues' escalations show up as reference lines in the record's own notes.
  useEffect(() => {
    let current = true; // an answer about the child shown before is not this child's
    void referencesOnPage({ hostId, childId }).then((found) => current && setOnRecord(found));
    return () => void (current = false);
  }, [hostId, childId, list?.length]);
  if (error)
    return (
      <p role="alert" class="error">
        {error.message}
      </p>
    );
  if (!list) return <p>{t('loading')}</p>;
  const known = new Set(list.map((e) => e.reference));
  const colleagues = onRecord.filter((r) => !known.has(r.reference));
  const notices = colleagues.map((r) => (
    <div key={r.reference} class="colleague" role="status">
      <p>
        <strong>{t('colleagueRecorded')}</strong> {t('colleagueRecordedUnknown')} <q>{r.line}</q>
      </p>
      <button type="button" onClick={() => setTracking(r)}>
        {t('startTracking', { reference: r.reference })}
      </button>
    </div>
  ));
  if (tracking) {
    return <StartForm key={tracking.reference} child={child} defaultProtocol={settings.value.values.defaultProtocol} tracking={tracking} />;
  }
  if (list.length === 0) {
    return (
      <>
        {notices}
        <p class="empty">{t('noEscalation')}</p>
        {/* Remounts if the organisation's default arrives after the form was drawn. */}
        <StartForm key={settings.value.values.defaultProtocol} child={child} defaultProtocol={settings.value.values.defaultProtocol} />
      </>
    );
  }
  const sorted = [...list].sort(
    (a, b) => (a.status === 'open' ? 0 : 1) - (b.status === 'open' ? 0 : 1) || b.updatedAt.localeCompare(a.updatedAt),
  );
  const shown = sorted.find((e) => e.id === chosen) ?? sorted[0]!;
  return (
    <>
      {notices}
      {sorted.length > 1 && (
        <div class="field">
          <label for="which-escalation">{t('whichEscalation')}</label>
          <select id="which-escalation" value={shown.id} onChange={(e) => setChosen(e.currentTarget.value)}>
            {sorted.map((e) => (
              <option key={e.id} value={e.id}>
                {e.reference} · {getProtocol(e.protocolId).partnership} · {e.status}
              </option>
            ))}
          </select>
        </div>
      )}
      {starting ? (
        <StartForm child={child} defaultProtocol={settings.value.values.defaultProtocol} />
      ) : (
        <EscalationView escalation={shown} by={worker.value} insert={insertIntoPage} />
      )}
      <button type="button" onClick={() => setStarting(!starting)}>
        {starting ? t('backToEscalation') : t('startAnother')}
      </button>
    </>
  );
}

/** The followed tab shows no case record: the side panel shows what is due instead (the in-page panel is always on a record). */
const showDueList = (surface: Surface) => surface === 'side-panel' && noRecordInTab.value;

/** Why no child was taken, when the page said more than "not found" (lib/hosts/extract.ts NoChildReason). */
const REASON_WORDS = {
  ambiguous: 'moreThanOneChild',
  empty: 'noChildEmpty',
  invalid: 'noChildInvalid',
  'pattern-refused': 'noChildPatternRefused',
} as const;

function NoChildReason({ reason, label }: { reason: keyof typeof REASON_WORDS | 'not-found'; label: string }) {
  return reason === 'not-found' ? null : <p class="no-child-reason">{t(REASON_WORDS[reason], { label })}</p>;
}

function ChildSection({ surface }: { surface: Surface }) {
  const child = tabChild.value;
  // A start form the worker has begun keeps its child on screen, whatever the record shows now (it says so).
  const shown = formFor.value ?? (child.found ? { hostId: child.hostId, childId: child.childId, label: idLabel.value } : null);
  if (!child.found && !shown) {
    if (showDueList(surface)) return <DueOverview heading={<h2>{t('sidePanelNoRecord')}</h2>} />;
    if (!heardFromPage.value) return <p aria-live="polite">{t('lookingForChild')}</p>;
    return (
      <section aria-labelledby="child-title">
        <h2 id="child-title">{t(child.mayNeedUpdating ? 'adapterMayNeedUpdating' : 'noChildTitle')}</h2>
        <NoChildReason reason={child.reason} label={child.idLabel} />
        <p>{t(child.mayNeedUpdating ? 'adapterMayNeedUpdatingHelp' : 'noChildHelp')}</p>
        <PickIdButton label={t('pickChildId')} />
        <DiagnosticsButton />
      </section>
    );
  }
  return (
    <section aria-labelledby="child-title">
      <h2 id="child-title" data-child-id={shown!.childId}>
        {named(shown!)}
      </h2>
      {/* A new child starts afresh: no choice, form or tracking carried over from the one before. */}
      <ChildEscalations key={`${shown!.hostId}/${shown!.childId}`} child={shown!} />
    </section>
  );
}

/**
 * Starts following the tab whose child the panel shows: the in-page panel's own tab, or for the side panel the
 * active tab of its window (`bound`: the tab or window its address fixes, if any), from the answer to the page's
 * first question (`opening`).
 */
export function followTab(surface: Surface, opening: Promise<TabOpening>, bound: Bound): void {
  void (surface === 'in-page' ? followOwnTab(opening) : followActiveTab(bound, opening));
}

/**
 * The panel, on either surface: the browser's side panel, or framed in the record page (`in-page`), which has
 * its own Move and Close. Its entry calls `followTab` first.
 */
export function Panel({ surface }: { surface: Surface }) {
  useEffect(() => {
    followSettings();
    followWorker();
    if (surface !== 'in-page') return;
    void PANEL_SIDE_ITEM.get().then((s) => (side.value = s));
    // The shortcut closes the in-page panel from inside it too, where the record page does not hear the keys.
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && e.shiftKey && e.code === 'KeyE') tellPage('closePanel');
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [surface]);
  const other = side.value === 'right' ? 'left' : 'right';
  return (
    <main class={`panel ${surface}`}>
      <div class="bar">
        <h1>{t('extensionName')}</h1>
        {surface === 'in-page' && (
          <>
            <button
              type="button"
              onClick={() => {
                side.value = other;
                void movePanel(other);
              }}
            >
              {t(other === 'left' ? 'moveToLeft' : 'moveToRight')}
            </button>
            <button type="button" onClick={() => tellPage('closePanel')}>
              {t('close')}
            </button>
          </>
        )}
      </div>
      <button
        type="button"
        class="risk-question"
        aria-expanded={askedAboutRisk.value}
        onClick={() => (askedAboutRisk.value = !askedAboutRisk.value)}
      >
        {t('askImmediateRisk')}
      </button>
      {askedAboutRisk.value && <ImmediateRisk protocol={getProtocol(protocolInView.value ?? settings.value.values.defaultProtocol)} />}
      <PickConfirm />
      <RefusedNote />
      <SavedForOtherChild />
      <ChildSection surface={surface} />
      {!tabChild.value.found && !formFor.value && !showDueList(surface) && <ProtocolGuide />}
    </main>
  );
}

/**
 * The record refused a note because it showed another child, and the panel has since moved on to that child: the
 * case notes that asked are gone, so this says it (where they are still shown, they say it themselves).
 */
function RefusedNote() {
  const refused = refusedNote.value;
  const child = tabChild.value;
  if (!refused || (child.found && child.hostId === refused.hostId && child.childId === refused.childId)) return null;
  return (
    <p role="alert" class="error">
      {t('noteForAnotherChild')}
    </p>
  );
}

/** A start form kept for a child the record no longer showed was saved, and the panel has moved on: for whom. */
function SavedForOtherChild() {
  const saved = savedFor.value;
  const child = tabChild.value;
  if (!saved || formFor.value || (child.found && sameChild(child, saved))) return null;
  return (
    <p role="status" class="saved-elsewhere">
      {t('savedForOtherChild', { child: named(saved) })}
    </p>
  );
}

/** One click: the page's report for IT, as a file. */
function DiagnosticsButton() {
  const [message, setMessage] = useState('');
  async function download() {
    const report = await diagnosticsFromPage();
    if (!report) return setMessage(t('noDiagnostics'));
    downloadText(`adapter-report-${report.adapter.id}.json`, JSON.stringify(report, null, 2));
    setMessage(t('diagnosticsSaved'));
  }
  return (
    <>
      <button type="button" onClick={() => void download()}>
        {t('downloadDiagnostics')}
      </button>
      <p role="status">{message}</p>
    </>
  );
}
