// What is due: how many escalations are overdue, due today and due this week, and
// the next few by due date; one click opens one in the dashboard. The toolbar popup
// (in-page placement) and the side panel on a tab with no record show it.
// It asks through the background (the records port), which keeps the same counts for the badge: this page
// carries no database code and no protocols, so it opens at once.
import { t } from '../../lib/strings';
import { useLayoutEffect } from 'preact/hooks';
import { markFrame } from '../shared/marks';
import { useRecords } from '../shared/useRecords';

/** Opens the dashboard at `hash` in a new tab; then `opened` (the popup closes itself, the side panel stays). */
function open(hash: string, opened: () => void) {
  void browser.tabs.create({ url: browser.runtime.getURL(`/dashboard.html#${hash}`) }).then(opened);
}

function Link({
  hash,
  opened,
  children,
  class: className,
}: {
  hash: string;
  opened: () => void;
  children: preact.ComponentChildren;
  class?: string;
}) {
  return (
    <a
      class={className}
      href={`/dashboard.html#${hash}`}
      onClick={(e) => {
        e.preventDefault();
        open(hash, opened);
      }}
    >
      {children}
    </a>
  );
}

/** What is due: one query, answered by the background (records-bridge) and again whenever the records change. */
export const DUE_SUMMARY = { kind: 'due-summary' } as const;

/**
 * `heading`: the popup's own title, or the side panel's sentence; `opened`: after a link opened the dashboard.
 * The popup's entry asks DUE_SUMMARY as the page starts (askEarly); the side panel asks it when this is drawn.
 */
export function DueOverview({ heading, opened = () => {} }: { heading: preact.ComponentChildren; opened?: () => void }) {
  const { value: summary, error } = useRecords(DUE_SUMMARY);
  // The first useful paint, for `npm run bench`.
  const answered = Boolean(summary);
  useLayoutEffect(() => void (answered && markFrame('popup-ready', true)), [answered]);
  const counts = summary?.counts;
  return (
    <>
      {heading}
      {error && (
        <p role="alert" class="error">
          {t('dueSummaryUnavailable')}
        </p>
      )}
      {counts && (
        <ul class="counts" aria-label={t('countsLabel')}>
          <li class={counts.overdue ? 'overdue' : ''}>
            <Link hash="due=overdue" opened={opened}>
              <strong data-count="overdue">{counts.overdue}</strong> {t('overdue')}
            </Link>
          </li>
          <li class={counts.dueToday ? 'due-soon' : ''}>
            <Link hash="due=due-today" opened={opened}>
              <strong data-count="due-today">{counts.dueToday}</strong> {t('dueToday')}
            </Link>
          </li>
          <li>
            <Link hash="due=due-this-week" opened={opened}>
              <strong data-count="due-this-week">{counts.dueThisWeek}</strong> {t('dueThisWeek')}
            </Link>
          </li>
        </ul>
      )}
      {summary?.team && (
        <p class={summary.team.overdue ? 'team overdue' : 'team'}>
          <Link hash="view=team" opened={opened}>
            {t('teamOverdue', { n: String(summary.team.overdue) })}
          </Link>
        </p>
      )}
      {summary && (
        <section aria-labelledby="next-title">
          <h2 id="next-title">{t('dueNext')}</h2>
          {summary.next.length === 0 ? (
            <p class="empty">{t('noneRunning')}</p>
          ) : (
            <ol class="next">
              {summary.next.map((e) => (
                <li key={e.id}>
                  <Link hash={`view=escalation&id=${e.id}`} opened={opened}>
                    <span class="child">{e.theme ? t('themeN', { title: e.theme }) : t('childN', { id: e.childId })}</span>
                    <span>
                      {e.protocol} · {e.stage}
                    </span>
                    <span class={`due ${e.left.urgency}`}>{e.left.text}</span>
                  </Link>
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
      <button type="button" class="primary" onClick={() => open('', opened)}>
        {t('openDashboard')}
      </button>
    </>
  );
}

export function Popup() {
  return (
    <main class="popup">
      <DueOverview heading={<h1>{t('escalations')}</h1>} opened={() => window.close()} />
    </main>
  );
}
