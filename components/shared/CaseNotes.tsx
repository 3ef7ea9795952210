// Case notes and partnership forms, pre-filled from the escalation: preview,
// edit, then copy or insert into the record. Each copy or insert is recorded, and only
// as what really happened: "inserted" when the record page read the note back from its
// editor, "copied" when it went on the clipboard instead.
import { t } from '../../lib/strings';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ChildRef, InsertResult } from '../../lib/messages/types';
import type { Escalation } from '../../lib/records/model';
import {
  factsFor,
  getTemplate,
  plainTextToHtml,
  referenceLine,
  renderTemplate,
  templatesFor,
  toHtml,
  toPlainText,
  toTsv,
} from '../../lib/case-notes/render';
import { now } from './now';
import { records, useRecords } from './useRecords';
import { messageOf } from '../../lib/errors';
import { Options } from './Field';
import { recordChildOf } from '../../lib/records/about';

/** Puts `child`'s note into the record page's notes field; absent away from a record page (the dashboard). */
export type InsertIntoRecord = (text: string, html: string, child: ChildRef) => Promise<InsertResult | null | 'no answer'>;

export function CaseNotes({ escalation, by, insert: insertIntoRecord }: { escalation: Escalation; by: string; insert?: InsertIntoRecord }) {
  // Never the wrong child: a theme names no one child whose record could take its notes (lib/records/about.ts).
  const child = recordChildOf(escalation);
  const { value: events } = useRecords({ kind: 'history', id: escalation.id });
  const templates = templatesFor(escalation);
  const [templateId, setTemplateId] = useState(templates[0]!.id);
  const [edited, setEdited] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const [inserting, setInserting] = useState(false);
  const inFlight = useRef(false); // set in the same tick as the press: two clicks in one tick make one copy or insert
  const doc = events
    ? renderTemplate(getTemplate(templateId, escalation), factsFor(escalation, events, now.value), referenceLine(escalation))
    : null;
  const generated = doc ? (doc.kind === 'log-row' ? toTsv(doc) : toPlainText(doc)) : '';
  // A new step or another template starts a fresh preview.
  useEffect(() => setEdited(null), [templateId, escalation.lastSeq]);
  if (!doc) return null;
  const text = edited ?? generated;
  const html = edited === null ? toHtml(doc) : plainTextToHtml(text);

  async function recorded(how: 'copied' | 'inserted', done: string) {
    // A new id for each copy or insert the worker makes (each is one event); the bridge settles a lost answer.
    await records.command({
      kind: 'record',
      changeId: crypto.randomUUID(),
      id: escalation.id,
      body: { type: 'note-copied', templateId, how },
      by,
    });
    setMessage(done);
  }

  async function putOnClipboard() {
    // After an insert the record page has the keyboard, and the clipboard serves only the focused document.
    window.focus();
    if (doc!.kind === 'log-row') return navigator.clipboard.writeText(text);
    await navigator.clipboard.write([
      new ClipboardItem({
        'text/plain': new Blob([text], { type: 'text/plain' }),
        'text/html': new Blob([html], { type: 'text/html' }),
      }),
    ]);
  }

  async function copy() {
    if (inFlight.current) return; // a double-click copies once and records one "copied"
    inFlight.current = true;
    setError('');
    try {
      await putOnClipboard();
      await recorded('copied', doc!.kind === 'log-row' ? t('copiedRow') : t('copiedNote'));
    } catch (e) {
      setError(t('couldNotCopy', { reason: messageOf(e) }));
    } finally {
      inFlight.current = false;
    }
  }

  async function insert() {
    if (inFlight.current) return; // a second press while the first is in flight would insert the note twice
    inFlight.current = true;
    setInserting(true);
    setError('');
    setMessage('');
    try {
      if (!child) return; // a theme's notes go into no child's record (the button is not shown)
      const result = await insertIntoRecord!(text, html, { hostId: child.hostId, childId: child.childId });
      if (result === null) return setError(t('noNoteField'));
      // Nothing was written; nothing goes on the clipboard either, where a paste could put it on the wrong record.
      if (result !== 'no answer' && 'refused' in result) return setError(t('noteForAnotherChild'));
      if (result !== 'no answer' && result.landed) {
        return await recorded('inserted', t(result.where === 'caret' ? 'insertedAtCursor' : 'insertedAtEnd'));
      }
      // Not read back from the editor: the history must not say "inserted". The worker pastes it themselves.
      try {
        await putOnClipboard();
      } catch (e) {
        return setError(t('noteNotAcceptedNoClipboard', { reason: messageOf(e) }));
      }
      await recorded('copied', '');
      setError(t(result === 'no answer' ? 'noteNotConfirmed' : 'noteNotAccepted'));
    } finally {
      inFlight.current = false;
      setInserting(false);
    }
  }

  const template = getTemplate(templateId, escalation);
  return (
    <section aria-labelledby="notes-title" class="case-notes">
      <h2 id="notes-title">{t('caseNotesTitle')}</h2>
      <div class="field">
        <label for="template">{t('template')}</label>
        <select id="template" value={templateId} onChange={(e) => setTemplateId(e.currentTarget.value)}>
          <Options list={templates.map((x) => [x.id, x.name])} />
        </select>
      </div>
      {template.source && <p class="note">{t('templateFrom', { source: template.source })}</p>}
      <div class="field">
        <label for="note-title">{t('suggestedTitle')}</label>
        <input id="note-title" readOnly value={doc.title} />
      </div>
      <div class="field">
        <label for="note-preview">{doc.kind === 'log-row' ? t('logRowPreview') : t('notePreview')}</label>
        <textarea id="note-preview" rows={doc.kind === 'log-row' ? 3 : 12} value={text} onInput={(e) => setEdited(e.currentTarget.value)} />
      </div>
      <button type="button" class="primary" onClick={copy}>
        {doc.kind === 'log-row' ? t('copyRow') : t('copyNote')}
      </button>
      {doc.kind !== 'log-row' && insertIntoRecord && !child && <p class="note">{t('themeNotForRecord')}</p>}
      {doc.kind !== 'log-row' && insertIntoRecord && child && (
        <button type="button" onClick={insert} aria-disabled={inserting}>
          {inserting ? t('inserting') : t('insertNote')}
        </button>
      )}
      <p role="status">{message}</p>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </section>
  );
}
