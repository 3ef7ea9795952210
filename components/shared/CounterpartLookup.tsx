import { useState } from 'preact/hooks';
import type { Protocol } from '../../lib/protocols';
import { t } from '../../lib/strings';

/** Enfield's seniority table as a question: who is my counterpart at this level? */
export function CounterpartLookup({ protocol }: { protocol: Protocol }) {
  const table = protocol.seniority!;
  const [level, setLevel] = useState(2);
  const roles = table.levels[level - 1]!;
  // The table's own name for a level where it gives one ("Above Level 5"); "Level N" otherwise.
  const levelName = (n: number) => table.levelNames?.[n - 1] ?? t('levelN', { n: String(n) });
  return (
    <details class="lookup">
      <summary>{t('counterpartQuestion')}</summary>
      <div class="field">
        <label for="seniority-level">{t('level')}</label>
        <select id="seniority-level" value={String(level)} onChange={(e) => setLevel(Number(e.currentTarget.value))}>
          {table.levels.map((_, i) => (
            <option key={i} value={String(i + 1)}>
              {levelName(i + 1)}
            </option>
          ))}
        </select>
      </div>
      <table class="records">
        <caption>{t('correspondingRolesAt', { level: levelName(level) })}</caption>
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
