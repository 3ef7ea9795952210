import { useState } from 'preact/hooks';
import type { Protocol } from '../../lib/protocols';
import { t } from '../../lib/strings';
import { RecordsTable } from './RecordsTable';

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
      <RecordsTable
        caption={t('correspondingRolesAt', { level: levelName(level) })}
        columns={[
          { rowHeader: true, cell: (a) => a },
          {
            // Say what the table says, that a cell cannot be read, or that it is empty; never guess.
            cell: (a) => {
              const illegible = table.illegible.find((c) => c.level === level && c.agency === a);
              return roles[a] ?? (illegible ? t('illegibleCell', { words: illegible.words }) : t('emptyCell'));
            },
            attributes: (a) => ({ class: roles[a] ? undefined : 'unknown' }),
          },
        ]}
        rows={table.agencies}
        rowKey={(a) => a}
      />
    </details>
  );
}
