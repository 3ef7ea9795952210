// Options: which case-record sites the extension may run on, and the site
// adapters that find the child on them.
import { t } from '../../lib/strings';
import { useEffect, useState } from 'preact/hooks';
import { builtIns, saveUserAdapters, userAdapters } from '../../lib/browser/adapters';
import { downloadText } from '../../lib/browser/download';
import { mergeAdapters, parseAdapterFile, siteToOrigin, type HostAdapter } from '../../lib/hosts';
import { AdapterHealthTable } from './AdapterHealth';
import { AdapterTest } from './AdapterTest';
import { SettingsForm } from './SettingsForm';
import { TeamServer } from './TeamServer';
import { Protocols } from './Protocols';
import { JsonFileField } from '../shared/Field';
import { settings } from '../shared/settings-signal';
import { messageOf } from '../../lib/errors';
import { RecordsTable } from '../shared/RecordsTable';

function Sites() {
  const [origins, setOrigins] = useState<string[]>([]);
  const [site, setSite] = useState('');
  const [message, setMessage] = useState('');
  const refresh = () => browser.permissions.getAll().then((p) => setOrigins(p.origins ?? []));
  const managedSites = settings.value.values.caseSystemOrigins;
  useEffect(() => void refresh(), []);
  return (
    <section aria-labelledby="sites-title">
      <h2 id="sites-title">{t('sitesTitle')}</h2>
      <p>{t('sitesIntro')}</p>
      {managedSites.length > 0 && (
        <ul aria-label={t('sitesByOrganisation')}>
          {managedSites.map((o) => (
            <li key={o} data-managed-site={o}>
              {o} <span class="source-tag organisation">{t('setByOrganisation')}</span>{' '}
              {origins.includes(o) ? (
                '(access granted)'
              ) : (
                <button
                  type="button"
                  onClick={() => browser.permissions.request({ origins: [o] }).then(refresh, (e: Error) => setMessage(e.message))}
                >
                  Allow access to {o}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {origins.length === 0 ? (
        <p>{t('noSites')}</p>
      ) : (
        <ul>
          {origins.map((o) => (
            <li key={o}>
              {o}{' '}
              <button
                type="button"
                onClick={() => browser.permissions.remove({ origins: [o] }).then(refresh, (e: Error) => setMessage(e.message))}
              >
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          const parsed = siteToOrigin(site);
          if ('error' in parsed) return setMessage(parsed.error);
          const granted = await browser.permissions.request({ origins: [parsed.origin] }).catch(() => false);
          setMessage(granted ? t('siteAdded', { origin: parsed.origin }) : t('siteRefused'));
          await refresh();
        }}
      >
        <div class="field">
          <label for="site">{t('addSiteLabel')}</label>
          <input
            id="site"
            type="url"
            value={site}
            onInput={(e) => setSite(e.currentTarget.value)}
            placeholder="https://mosaic.council.gov.uk/"
          />
        </div>
        <button type="submit">{t('addSite')}</button>
      </form>
      <p role="status">{message}</p>
    </section>
  );
}

function Adapters() {
  const [mine, setMine] = useState<HostAdapter[]>([]);
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  useEffect(() => void userAdapters().then(setMine), []);
  const theirs = settings.value.source.adapters === 'organisation' ? settings.value.values.adapters : [];
  const all = mergeAdapters(mergeAdapters(builtIns(), mine), theirs);
  const theirIds = new Set(theirs.map((a) => a.id));
  const mineIds = new Set(mine.map((a) => a.id));

  async function importFile(file: File) {
    setError('');
    setStatus('');
    try {
      const imported = parseAdapterFile(await file.text());
      const ids = new Set(imported.map((a) => a.id));
      const next = [...imported, ...mine.filter((a) => !ids.has(a.id))];
      await saveUserAdapters(next);
      setMine(next);
      setStatus(t('adaptersImported', { names: imported.map((a) => a.name).join(', ') }));
    } catch (e) {
      setError(messageOf(e));
    }
  }

  return (
    <section aria-labelledby="adapters-title">
      <h2 id="adapters-title">{t('adaptersTitle')}</h2>
      <p>{t('adaptersIntro')}</p>
      <RecordsTable
        caption={t('adaptersCaption')}
        columns={[
          { heading: t('name'), cell: (a) => a.name },
          { heading: t('appliesTo'), cell: (a) => a.matches.join(', ') },
          { heading: t('id'), cell: (a) => a.childId.label },
          {
            heading: t('source'),
            cell: (a) => (
              <>
                {theirIds.has(a.id) ? t('setByOrganisation') : mineIds.has(a.id) ? t('yours') : t('builtIn')}
                {mineIds.has(a.id) && !theirIds.has(a.id) && (
                  <button
                    type="button"
                    onClick={async () => {
                      const next = mine.filter((m) => m.id !== a.id);
                      await saveUserAdapters(next);
                      setMine(next);
                    }}
                  >
                    {t('removeAdapter', { name: a.name })}
                  </button>
                )}
              </>
            ),
          },
        ]}
        rows={all}
        rowKey={(a) => a.id}
        rowAttributes={(a) => ({ 'data-adapter': a.id })}
      />
      <JsonFileField id="adapter-file" label={t('importAdapters')} onFile={(file) => void importFile(file)} />
      <button type="button" onClick={() => downloadText('escalation-adapters.json', JSON.stringify(all, null, 2))}>
        {t('exportAdapters')}
      </button>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <p role="status">{status}</p>
    </section>
  );
}

function About() {
  const manifest = browser.runtime.getManifest();
  return (
    <section aria-labelledby="about-title">
      <h2 id="about-title">{t('about')}</h2>
      <p>
        {manifest.name} {t('version')} <span data-version>{manifest.version}</span>.
      </p>
      <p>
        <strong>{t('whatIsStored')}</strong> {t('whatIsStoredText')}
      </p>
      <p>
        <strong>{t('howLong')}</strong> {t('howLongText')}
      </p>
    </section>
  );
}

export function OptionsPage() {
  return (
    <main class="panel wide">
      <h1>{t('optionsTitle')}</h1>
      <SettingsForm />
      <TeamServer />
      <Protocols />
      <Sites />
      <Adapters />
      <AdapterTest />
      <AdapterHealthTable />
      <section aria-labelledby="data-title">
        <h2 id="data-title">{t('backupTitle')}</h2>
        <p>
          <a href="/records.html">{t('recordsLink')}</a>
        </p>
      </section>
      <About />
    </main>
  );
}
