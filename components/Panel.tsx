import { signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { followTabChild, heardFromPage, idLabel, movePanel, tabChild, tellPage } from '../lib/browser/tab-child';
import { listProtocols } from '../lib/protocols';
import { ChildEscalations } from './ChildEscalations';
import { Ladder } from './Ladder';

const protocols = listProtocols();
const chosenProtocolId = signal(protocols[0]!.id);
const side = signal<'right' | 'left'>('right');

function ChildSection() {
  const child = tabChild.value;
  if (!child.found) {
    if (!heardFromPage.value) return <p aria-live="polite">Looking for the child on this page…</p>;
    return (
      <section aria-labelledby="child-title" aria-live="polite">
        <h2 id="child-title">No child found on this page</h2>
        <p>Open a child’s record to see or start an escalation. If a record is open and this still shows, the site adapter may need correcting in the extension’s options.</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="child-title" aria-live="polite">
      <h2 id="child-title" data-child-id={child.childId}>
        {idLabel.value} {child.childId}
      </h2>
      <ChildEscalations hostId={child.hostId} childId={child.childId} />
    </section>
  );
}

export function Panel() {
  useEffect(() => {
    void followTabChild();
    void browser.storage.local.get('panelSide').then((s) => (side.value = s.panelSide === 'left' ? 'left' : 'right'));
  }, []);
  const protocol = protocols.find((p) => p.id === chosenProtocolId.value)!;
  const other = side.value === 'right' ? 'left' : 'right';
  return (
    <main class="panel">
      <div class="bar">
        <h1>Escalation Companion</h1>
        <button
          type="button"
          onClick={() => {
            side.value = other;
            void movePanel(other);
          }}
        >
          Move to the {other}
        </button>
        <button type="button" onClick={() => tellPage({ type: 'close-panel' })}>
          Close
        </button>
      </div>
      <ChildSection />
      <div class="field">
        <label for="protocol">Protocol</label>
        <select id="protocol" value={chosenProtocolId.value} onChange={(e) => (chosenProtocolId.value = (e.currentTarget as HTMLSelectElement).value)}>
          {protocols.map((p) => (
            <option key={p.id} value={p.id}>
              {p.partnership}
            </option>
          ))}
        </select>
      </div>
      <Ladder protocol={protocol} concernRaisedAt={new Date().toISOString()} />
    </main>
  );
}
