// The dashboard: every escalation on this device, filtered and sorted; one
// escalation in full; and the partnership's figures. Its address (after #)
// says which, so links from the popup and from reminders land in the right place.
import { t } from '../../lib/strings';
import { useEffect } from 'preact/hooks';
import { address } from './address';
import { EscalationList } from './EscalationList';
import { lazyComponent } from '../shared/lazy';

// Loaded when shown, so the list (the first screen) does not wait for the figures, charts and escalation view.
const EscalationView = lazyComponent(() => import('../shared/EscalationView').then((m) => m.EscalationView));
const Figures = lazyComponent(() => import('./Figures').then((m) => m.Figures));
const TeamView = lazyComponent(() => import('./TeamView').then((m) => m.TeamView));
const ThemeForm = lazyComponent(() => import('./ThemeForm').then((m) => m.ThemeForm));
const TeamLink = lazyComponent(() => import('./TeamView').then((m) => m.TeamLink));
import { followSettings } from '../shared/settings-signal';
import { useRecords } from '../shared/useRecords';
import { followWorker, worker } from '../shared/worker';
import type { Theme } from '../../lib/records/model';

function OneEscalation({ id }: { id: string }) {
  const { value, error, answered } = useRecords({ kind: 'escalation', id });
  useEffect(() => void (document.title = t('pageTitleEscalation')), []);
  return (
    <>
      <p>
        <a href="#" onClick={(e) => (history.length > 1 ? (e.preventDefault(), history.back()) : undefined)}>
          ← All escalations
        </a>
      </p>
      {error && (
        <p role="alert" class="error">
          {error.message}
        </p>
      )}
      {!error && !answered && <p>{t('loading')}</p>}
      {answered && value === undefined && (
        <p role="alert" class="error">
          {t('notInThisBrowser')}
        </p>
      )}
      {value && (
        <>
          {value.theme ? (
            <ThemeLine theme={value.theme} />
          ) : (
            <p class="child-line" data-child-id={value.child!.childId}>
              Child ID <strong>{value.child!.childId}</strong>
            </p>
          )}
          <EscalationView escalation={value} by={worker.value} />
        </>
      )}
    </>
  );
}

export function Dashboard() {
  useEffect(() => {
    followSettings();
    followWorker();
  }, []);
  const params = address.value;
  const view = params.get('view');
  return (
    <main class="panel dashboard">
      <div class="bar">
        <h1>{t('escalations')}</h1>
        <nav aria-label={t('dashboard')}>
          <a href="#" aria-current={!view ? 'page' : undefined}>
            {t('allEscalations')}
          </a>
          <a href="#view=figures" aria-current={view === 'figures' ? 'page' : undefined}>
            {t('figuresTitle')}
          </a>
          <TeamLink current={view === 'team'} />
          <a href="/records.html">{t('recordsAndBackups')}</a>
          <a href="/options.html">{t('settingsLink')}</a>
        </nav>
      </div>
      {view === 'escalation' && params.get('id') ? (
        <OneEscalation id={params.get('id')!} />
      ) : view === 'figures' ? (
        <Figures params={params} />
      ) : view === 'team' ? (
        <TeamView />
      ) : view === 'start-theme' ? (
        <ThemeForm />
      ) : (
        <EscalationList params={params} />
      )}
    </main>
  );
}

/** A theme's title and the child IDs the worker listed (typed, never read from a page). */
function ThemeLine({ theme }: { theme: Theme }) {
  return (
    <div class="theme-line">
      <p>
        <span class="marker">{t('themeMarker')}</span> <strong>{theme.title}</strong>
      </p>
      {theme.childIds?.length ? (
        <>
          <h3>{t('themeChildIds')}</h3>
          <ul class="theme-child-ids">
            {theme.childIds.map((id) => (
              <li key={id}>{id}</li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('themeNoChildIds')}</p>
      )}
    </div>
  );
}
