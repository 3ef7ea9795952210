// "Test an adapter on an open tab": runs one of the adapters, or one from a file, against a case-record page
// open in another tab and shows what each source read there and whether it passed, before anything is saved.
import { useEffect, useState } from 'preact/hooks';
import { loadAdapters } from '../../lib/browser/adapters';
import type { SourceTried } from '../../lib/hosts/diagnose';
import { parseAdapterFile, type HostAdapter } from '../../lib/hosts';
import { extensionToRecordPage } from '../../lib/browser/channels';
import { t } from '../../lib/strings';
import { JsonFileField, Options } from '../shared/Field';
import { messageOf } from '../../lib/errors';
import { RecordsTable } from '../shared/RecordsTable';

interface OpenTab {
  id: number;
  title: string;
  url: string;
}

export function AdapterTest() {
  const [adapters, setAdapters] = useState<HostAdapter[]>([]);
  const [fromFile, setFromFile] = useState<HostAdapter[]>([]);
  const [tabs, setTabs] = useState<OpenTab[]>([]);
  const [adapterId, setAdapterId] = useState('');
  const [tabId, setTabId] = useState<number | null>(null);
  const [result, setResult] = useState<{ url: string; sources: SourceTried[] } | null>(null);
  const [error, setError] = useState('');
  const choices = [...fromFile, ...adapters.filter((a) => !fromFile.some((f) => f.id === a.id))];

  async function findTabs() {
    // Without the "tabs" permission the browser gives addresses only for the case-record sites granted.
    const open = (await browser.tabs.query({})).filter((tab) => tab.id !== undefined && /^https?:/.test(tab.url ?? ''));
    setTabs(open.map((tab) => ({ id: tab.id!, title: tab.title ?? tab.url!, url: tab.url! })));
    setTabId((current) => current ?? open[0]?.id ?? null);
  }
  useEffect(() => {
    void loadAdapters().then((all) => {
      setAdapters(all);
      setAdapterId((current) => current || all[0]?.id || '');
    });
    void findTabs();
  }, []);

  async function readFile(file: File) {
    setError('');
    try {
      const parsed = parseAdapterFile(await file.text());
      setFromFile(parsed);
      setAdapterId(parsed[0]!.id);
    } catch (e) {
      setError(messageOf(e));
    }
  }

  async function test() {
    setError('');
    setResult(null);
    const adapter = choices.find((a) => a.id === adapterId);
    if (!adapter || tabId === null) return setError(t('adapterTestChoose'));
    try {
      const answer = await extensionToRecordPage.sendToTab({ tabId, frameId: 0 }, 'tryAdapter', adapter);
      if (!answer) throw new Error('no answer');
      setResult(answer);
    } catch {
      setError(t('adapterTestNoAnswer'));
    }
  }

  return (
    <section aria-labelledby="adapter-test-title">
      <h2 id="adapter-test-title">{t('adapterTestTitle')}</h2>
      <p>{t('adapterTestIntro')}</p>
      <JsonFileField id="adapter-test-file" label={t('adapterTestFile')} onFile={(file) => void readFile(file)} />
      <div class="field">
        <label for="adapter-test-adapter">{t('adapterTestAdapter')}</label>
        <select id="adapter-test-adapter" value={adapterId} onChange={(e) => setAdapterId(e.currentTarget.value)}>
          <Options list={choices.map((a) => [a.id, fromFile.includes(a) ? `${a.name} (${t('adapterTestFromFile')})` : a.name])} />
        </select>
      </div>
      <div class="field">
        <label for="adapter-test-tab">{t('adapterTestTab')}</label>
        <select
          id="adapter-test-tab"
          value={tabId === null ? '' : String(tabId)}
          onChange={(e) => setTabId(Number(e.currentTarget.value))}
          onFocus={() => void findTabs()}
        >
          {tabs.map((tab) => (
            <option key={tab.id} value={String(tab.id)}>
              {tab.title} — {tab.url}
            </option>
          ))}
        </select>
      </div>
      <button type="button" onClick={() => void test()}>
        {t('adapterTestRun')}
      </button>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {result && (
        <RecordsTable
          label={t('adapterTestResults')}
          columns={[
            { heading: t('source'), cell: (s) => s.source },
            { heading: t('adapterTestOutcome'), cell: (s) => s.outcome },
            { heading: t('adapterTestRead'), cell: (s) => <bdi>{s.read ?? ''}</bdi> },
          ]}
          rows={result.sources}
          // The same source may be tried twice.
          rowKey={(_, i) => String(i)}
        />
      )}
    </section>
  );
}
