import { signal } from '@preact/signals';
import { listProtocols } from '../lib/protocols';
import { Ladder } from './Ladder';

const protocols = listProtocols();
const chosenProtocolId = signal(protocols[0]!.id);

export function Panel() {
  const protocol = protocols.find((p) => p.id === chosenProtocolId.value)!;
  return (
    <main class="panel">
      <h1>Escalation Companion</h1>
      <div class="field">
        <label for="protocol">Protocol</label>
        <select
          id="protocol"
          value={chosenProtocolId.value}
          onChange={(e) => (chosenProtocolId.value = (e.currentTarget as HTMLSelectElement).value)}
        >
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
