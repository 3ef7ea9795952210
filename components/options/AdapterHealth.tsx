// "How the site adapters are doing": for each adapter and site, when it last found the child and the notes
// field, and the page shapes where it used to find the child and no longer does (lib/hosts/health.ts).
import { useEffect, useState } from 'preact/hooks';
import { ADAPTER_HEALTH_ITEM } from '../../lib/browser/storage';
import { healthSummary, MISSES_BEFORE_WARNING, type AdapterHealth } from '../../lib/hosts/health';
import { t } from '../../lib/strings';
import { RecordsTable } from '../shared/RecordsTable';

const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' });
const shown = (iso?: string) => (iso ? when.format(new Date(iso)) : t('healthNever'));

export function AdapterHealthTable() {
  const [health, setHealth] = useState<AdapterHealth>({});
  useEffect(() => {
    void ADAPTER_HEALTH_ITEM.get().then(setHealth);
    return ADAPTER_HEALTH_ITEM.watch(setHealth);
  }, []);
  const rows = healthSummary(health);
  return (
    <section aria-labelledby="health-title">
      <h2 id="health-title">{t('adapterHealth')}</h2>
      <p class="note">{t('adapterHealthRule', { loads: String(MISSES_BEFORE_WARNING) })}</p>
      {rows.length === 0 ? (
        <p>{t('adapterHealthNone')}</p>
      ) : (
        <RecordsTable
          columns={[
            { heading: t('name'), cell: (r) => r.adapterId },
            { heading: t('healthSite'), cell: (r) => r.origin },
            { heading: t('healthLastFound'), cell: (r) => shown(r.lastFoundAt) },
            { heading: t('healthNotesLastFound'), cell: (r) => shown(r.lastNotesFoundAt) },
            {
              heading: t('healthState'),
              cell: (r) => (r.failing.length ? t('healthFailing', { paths: r.failing.join(', ') }) : t('healthOk')),
            },
          ]}
          rows={rows}
          rowKey={(r) => `${r.adapterId} ${r.origin}`}
          rowAttributes={(r) => ({ 'data-health': r.adapterId })}
        />
      )}
    </section>
  );
}
