// What the worker can record next: a button for each action available now (components/shared/actions/),
// and the open one's form. Each action writes one event through the records module; the protocol's
// rules refuse what is not allowed, with why.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Escalation, EventBody } from '../../lib/records/model';
import { t } from '../../lib/strings';
import { ACTIONS, type Action } from './actions';
import { Saving } from './actions/action';
import { useChange } from './useChange';
import { records } from './useRecords';
import { protocolsChanged } from './catalogue';
import { messageOf } from '../../lib/errors';

export { ResolutionDuties } from './actions';

export function Actions({ escalation, by }: { escalation: Escalation; by: string }) {
  const [open, setOpen] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const statusRef = useRef<HTMLParagraphElement>(null);
  const change = useChange();
  // After saving, the form closes: keep keyboard focus on the confirmation, not lost.
  useEffect(() => {
    if (message) statusRef.current?.focus();
  }, [message]);

  async function record(action: Action, detail: EventBody | string) {
    if (change.busy) return;
    setError('');
    setMessage('');
    if (typeof detail === 'string') return setError(detail);
    try {
      const saved = await change.run((changeId) => records.command({ kind: 'record', changeId, id: escalation.id, body: detail, by }));
      if (!saved) return; // a second press while the first was saving: that one answers
      setOpen(null);
      setMessage(t(action.done));
    } catch (e) {
      setError(messageOf(e));
    }
  }

  // Which actions there are depends on the protocol versions installed too (moving to a newer one).
  void protocolsChanged.value;
  const available = ACTIONS.filter((a) => a.available(escalation));
  const shown = available.find((a) => a.id === open);
  return (
    <section aria-labelledby="actions-title" class="actions">
      <h2 id="actions-title">{t('actions')}</h2>
      <div class="action-buttons">
        {available.map((a) => (
          <button
            key={a.id}
            type="button"
            aria-expanded={open === a.id}
            onClick={() => {
              change.forget();
              setOpen(open === a.id ? null : a.id);
            }}
          >
            {a.label(escalation)}
          </button>
        ))}
      </div>
      <Saving.Provider value={change.busy}>
        {shown && <shown.Form key={shown.id} escalation={escalation} onRecord={(body) => void record(shown, body)} />}
      </Saving.Provider>
      <p role="status" class="recorded" tabIndex={-1} ref={statusRef}>
        {message}
      </p>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </section>
  );
}
