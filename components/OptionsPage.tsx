// Options: which case-record sites the extension may run on, and the site
// adapters that find the child on them.
import { useEffect, useState } from 'preact/hooks';
import { builtIns, saveUserAdapters, userAdapters } from '../lib/browser/adapters';
import { downloadText } from '../lib/download';
import { mergeAdapters, parseAdapterFile, siteToOrigin, type HostAdapter } from '../lib/hosts';
import { SettingsForm } from './SettingsForm';
import { settings } from './settings';

function Sites() {
  const [origins, setOrigins] = useState<string[]>([]);
  const [site, setSite] = useState('');
  const [message, setMessage] = useState('');
  const refresh = () => browser.permissions.getAll().then((p) => setOrigins(p.origins ?? []));
  const managedSites = settings.value.values.caseSystemOrigins;
  useEffect(() => void refresh(), []);
  return (
    <section aria-labelledby="sites-title">
      <h2 id="sites-title">Case-record sites</h2>
      <p>The extension reads pages only on these sites, and only to find the child’s ID.</p>
      {managedSites.length > 0 && (
        <ul aria-label="Sites set by your organisation">
          {managedSites.map((o) => (
            <li key={o} data-managed-site={o}>
              {o} <span class="source-tag organisation">Set by your organisation</span>{' '}
              {origins.includes(o) ? (
                '(access granted)'
              ) : (
                <button type="button" onClick={() => browser.permissions.request({ origins: [o] }).then(refresh, (e: Error) => setMessage(e.message))}>
                  Allow access to {o}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {origins.length === 0 ? (
        <p>No sites yet.</p>
      ) : (
        <ul>
          {origins.map((o) => (
            <li key={o}>
              {o}{' '}
              <button type="button" onClick={() => browser.permissions.remove({ origins: [o] }).then(refresh, (e: Error) => setMessage(e.message))}>
                Remove
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
          setMessage(granted ? `Added ${parsed.origin}.` : 'The browser did not grant access to that site.');
          await refresh();
        }}
      >
        <div class="field">
          <label for="site">Add a site (address of any page on it)</label>
          <input id="site" type="url" value={site} onInput={(e) => setSite((e.currentTarget as HTMLInputElement).value)} placeholder="https://mosaic.council.gov.uk/" />
        </div>
        <button type="submit">Add site</button>
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
      setStatus(`Imported ${imported.map((a) => a.name).join(', ')}. Reload open record pages to use ${imported.length === 1 ? 'it' : 'them'}.`);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <section aria-labelledby="adapters-title">
      <h2 id="adapters-title">Site adapters</h2>
      <p>An adapter tells the extension where each case-record system shows the child’s ID and its case-note field.</p>
      <table class="records">
        <caption>Adapters in use (first match wins)</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Applies to</th>
            <th scope="col">ID</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {all.map((a) => (
            <tr key={a.id} data-adapter={a.id}>
              <td>{a.name}</td>
              <td>{a.matches.join(', ')}</td>
              <td>{a.childId.label}</td>
              <td>
                {theirIds.has(a.id) ? 'Set by your organisation' : mineIds.has(a.id) ? 'Yours' : 'Built in'}
                {mineIds.has(a.id) && !theirIds.has(a.id) && (
                  <button
                    type="button"
                    onClick={async () => {
                      const next = mine.filter((m) => m.id !== a.id);
                      await saveUserAdapters(next);
                      setMine(next);
                    }}
                  >
                    Remove {a.name}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="field">
        <label for="adapter-file">Import adapters (JSON file)</label>
        <input
          id="adapter-file"
          type="file"
          accept="application/json,.json"
          onChange={(e) => {
            const file = (e.currentTarget as HTMLInputElement).files?.[0];
            if (file) void importFile(file);
          }}
        />
      </div>
      <button type="button" onClick={() => downloadText('escalation-adapters.json', JSON.stringify(all, null, 2))}>
        Export adapters
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
      <h2 id="about-title">About</h2>
      <p>
        {manifest.name} version <span data-version>{manifest.version}</span>.
      </p>
      <p>
        <strong>What is stored, and where:</strong> escalation records (the child’s ID as your case-record system shows it, the people
        involved, the disagreement, dates, stages and every step taken) in this browser’s database on this device; your settings and
        details in this browser’s extension storage. Nothing is sent anywhere: no server, no analytics.
      </p>
      <p>
        <strong>How long:</strong> closed escalations are offered for deletion after the retention period above; nothing is deleted
        without your confirmation. Removing the extension deletes everything it stored.
      </p>
    </section>
  );
}

export function OptionsPage() {
  return (
    <main class="panel wide">
      <h1>Escalation Companion options</h1>
      <SettingsForm />
      <Sites />
      <Adapters />
      <section aria-labelledby="data-title">
        <h2 id="data-title">Backup and restore</h2>
        <p>
          <a href="/records.html">Your escalation records: export a backup, restore one, and delete closed records</a>
        </p>
      </section>
      <About />
    </main>
  );
}
