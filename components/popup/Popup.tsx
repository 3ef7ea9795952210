// The toolbar popup: on any page, how many escalations are overdue, due today
// and due this week, and the next few by due date. One click opens one.
import { t } from '../../lib/strings';
import { liveQuery } from 'dexie';
import { database } from '../../lib/browser/database';
import { createCalendar } from '../../lib/calendar';
import { protocolShortName, stageShortName } from '../../lib/describe';
import type { EscalationDb } from '../../lib/db';
import { dueCounts, dueSoonest } from '../../lib/escalations';
import { timeLeft } from '../../lib/timer';
import { useEffect, useState } from 'preact/hooks';
import { settings, followSettings } from '../shared/settings';
import { useLive } from '../shared/useLive';

/** How many escalations the popup lists. */
const NEXT_FEW = 5;

function open(hash: string) {
  void browser.tabs.create({ url: browser.runtime.getURL(`/dashboard.html#${hash}`) }).then(() => window.close());
}

function Link({ hash, children, class: className }: { hash: string; children: preact.ComponentChildren; class?: string }) {
  return (
    <a
      class={className}
      href={`/dashboard.html#${hash}`}
      onClick={(e) => {
        e.preventDefault();
        open(hash);
      }}
    >
      {children}
    </a>
  );
}

export function Popup() {
  const [db, setDb] = useState<EscalationDb | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    followSettings();
    database().then(setDb, (e: Error) => setError(e.message));
  }, []);
  const now = new Date();
  const overview = useLive(
    () => (db ? liveQuery(async () => ({ counts: await dueCounts(db, new Date()), next: await dueSoonest(db, NEXT_FEW) })) : null),
    [db],
  );
  const calendar = createCalendar(settings.value.values.closureDays);
  const counts = overview.value?.counts;
  return (
    <main class="popup">
      <h1>{t('escalations')}</h1>
      {(error || overview.error) && (
        <p role="alert" class="error">
          {error || overview.error!.message}
        </p>
      )}
      {counts && (
        <ul class="counts" aria-label={t('countsLabel')}>
          <li class={counts.overdue ? 'overdue' : ''}>
            <Link hash="due=overdue">
              <strong data-count="overdue">{counts.overdue}</strong> {t('overdue')}
            </Link>
          </li>
          <li class={counts.dueToday ? 'due-soon' : ''}>
            <Link hash="due=due-today">
              <strong data-count="due-today">{counts.dueToday}</strong> {t('dueToday')}
            </Link>
          </li>
          <li>
            <Link hash="due=due-this-week">
              <strong data-count="due-this-week">{counts.dueThisWeek}</strong> {t('dueThisWeek')}
            </Link>
          </li>
        </ul>
      )}
      {overview.value && (
        <section aria-labelledby="next-title">
          <h2 id="next-title">{t('dueNext')}</h2>
          {overview.value.next.length === 0 ? (
            <p class="empty">{t('noneRunning')}</p>
          ) : (
            <ol class="next">
              {overview.value.next.map((e) => {
                const left = timeLeft(e.nextDue!, now, calendar);
                return (
                  <li key={e.id}>
                    <Link hash={`view=escalation&id=${e.id}`}>
                      <span class="child">{t('childN', { id: e.child.childId })}</span>
                      <span>
                        {protocolShortName(e.protocolId)} · {stageShortName(e.protocolId, e.currentStage)}
                      </span>
                      <span class={`due ${left.urgency}`}>{left.text}</span>
                    </Link>
                  </li>
                );
              })}
            </ol>
          )}
        </section>
      )}
      <button type="button" class="primary" onClick={() => open('')}>
        {t('openDashboard')}
      </button>
    </main>
  );
}
