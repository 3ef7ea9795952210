import { useState } from 'preact/hooks';
import type { Protocol } from '../../lib/protocols';
import { t } from '../../lib/strings';

/** Enfield's seniority table as a question: who is my counterpart at this level? */
export function CounterpartLookup({ protocol }: { protocol: Protocol }) {
  const table = protocol.seniority!;
  const [level, setLevel] = useState(2);
  const roles = table.levels[level - 1]!;
  return (
    <details class="lookup">
      <summary>{t('counterpartQuestion')}</summary>
      <div class="field">
        <label for="seniority-level">{t('level')}</label>
        <select id="seniority-level" value={String(level)} onChange={(e) => setLevel(Number((e.currentTarget as HTMLSelectElement).value))}>
          {[1, 2, 3, 4, 5].map((n) => (
            <option key={n} value={String(n)}>
              {t('levelN', { n: String(n) })}
            </option>
          ))}
        </select>
      </div>
      <table class="records">
        <caption>{t('correspondingRoles', { level: String(level) })}</caption>
        <tbody>
          {table.agencies.map((a) => {
            // Say what the table says, that a cell cannot be read, or that it is empty; never guess.
            const illegible = table.illegible.find((c) => c.level === level && c.agency === a);
            return (
              <tr key={a}>
                <th scope="row">{a}</th>
                <td class={roles[a] ? undefined : 'unknown'}>
                  {roles[a] ?? (illegible ? t('illegibleCell', { words: illegible.words }) : t('emptyCell'))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
}
