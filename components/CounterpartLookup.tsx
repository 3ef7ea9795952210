import { useState } from 'preact/hooks';
import type { Protocol } from '../lib/protocols';

/** Enfield's seniority table as a question: who is my counterpart at this level? */
export function CounterpartLookup({ protocol }: { protocol: Protocol }) {
  const table = protocol.seniority!;
  const [level, setLevel] = useState(2);
  const roles = table.levels[level - 1]!;
  return (
    <details class="lookup">
      <summary>Who is my counterpart at this level?</summary>
      <div class="field">
        <label for="seniority-level">Level</label>
        <select id="seniority-level" value={String(level)} onChange={(e) => setLevel(Number((e.currentTarget as HTMLSelectElement).value))}>
          {[1, 2, 3, 4, 5].map((n) => (
            <option key={n} value={String(n)}>
              Level {n}
            </option>
          ))}
        </select>
      </div>
      <table class="records">
        <caption>Corresponding roles at Level {level} (indicative only)</caption>
        <tbody>
          {table.agencies
            .filter((a) => roles[a])
            .map((a) => (
              <tr key={a}>
                <th scope="row">{a}</th>
                <td>{roles[a]}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </details>
  );
}
