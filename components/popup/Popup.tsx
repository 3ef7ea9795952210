// What is due: how many escalations are overdue, due today and due this week, and
// the next few by due date; one click opens one in the dashboard. The toolbar popup
// (in-page placement) and the side panel on a tab with no record show it.
// It asks the background, which keeps the same counts for the badge: this page carries no database code
// and no protocols, so it opens at once.
import { t } from '../../lib/strings';
import { backgroundToPages } from '../../lib/messages/background-to-pages';
import { pagesToBackground } from '../../lib/messages/pages-to-background';
import type { DueSummary } from '../../lib/views/overview';
import { useLayoutEffect, useState } from 'preact/hooks';
import { markFrame } from '../shared/marks';

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

/** What is due, from the background; undefined when the records cannot be read. */
export const askDueSummary = (): Promise<DueSummary | undefined> => pagesToBackground.send('dueSummary').catch(() => undefined);

/**
 * `heading`: the popup's own title, or the side panel's sentence; `opened`: after a link opened the dashboard;
 * `asked`: the question as the page's entry asked it when the page started (else asked when first drawn).
 */
export function DueOverview({
  heading,
  opened = () => {},
  asked,
}: {
  heading: preact.ComponentChildren;
  opened?: () => void;
  asked?: Promise<DueSummary | undefined>;
}) {
  const [summary, setSummary] = useState<DueSummary | null>(null);
  const [error, setError] = useState('');
  // Taken up as soon as it is drawn, not after the browser has painted it: the answer is drawn a frame sooner.
  useLayoutEffect(() => {
    const show = (answer: DueSummary | undefined) => {
      // The first useful paint, for `npm run bench`.
      if (answer) markFrame('popup-ready', true);
      setSummary(answer ?? null);
      setError(answer ? '' : t('dueSummaryUnavailable'));
    };
    void (asked ?? askDueSummary()).then(show);
    // Kept current while open: the background says when records change.
    return backgroundToPages.handle({ recordsUpdated: () => void askDueSummary().then(show) });
  }, []);
  const counts = summary?.counts;
  return (
    <>
      {heading}
      {error && (
        <p role="alert" class="error">
          {error}
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
                    <span class="child">{t('childN', { id: e.childId })}</span>
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

export function Popup({ asked }: { asked: Promise<DueSummary | undefined> }) {
  return (
    <main class="popup">
      <DueOverview heading={<h1>{t('escalations')}</h1>} opened={() => window.close()} asked={asked} />
    </main>
  );
}
