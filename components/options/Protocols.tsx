// Options → Protocols: the partnerships' protocols this device has (built in, imported, set by the
// organisation), importing and exporting protocol files, and a preview to check one against its document.
import { useMemo, useState } from 'preact/hooks';
import { pagesToBackground } from '../../lib/browser/channels';
import { importProtocolFile, removeImportedProtocol } from '../../lib/browser/protocols';
import { fromLondonWallTime, londonWallTime, type Nation } from '../../lib/time/calendar';
import { downloadText } from '../../lib/browser/download';
import { previewLadder } from '../../lib/escalation/ladder';
import { protocolCatalogue, type CatalogueEntry, type ProtocolSource } from '../../lib/protocols';
import { ProtocolError, protocolFileText } from '../../lib/protocols/read';
import { lintProtocol } from '../../lib/protocols/lint';
import { t, type StringKey } from '../../lib/strings';
import { Field, JsonFileField } from '../shared/Field';
import { Ladder, QuotesShown } from '../shared/Ladder';
import { now } from '../shared/now';
import { protocolsChanged } from '../shared/catalogue';
import { settings } from '../shared/settings-signal';
import { messageOf } from '../../lib/errors';
import { RecordsTable } from '../shared/RecordsTable';

const SOURCE_WORDS: Record<ProtocolSource, StringKey> = {
  'built-in': 'builtIn',
  imported: 'importedByYou',
  organisation: 'setByOrganisation',
};
const CALENDAR_WORDS: Record<Nation, StringKey> = {
  'england-and-wales': 'calendarEnglandAndWales',
  scotland: 'calendarScotland',
  'northern-ireland': 'calendarNorthernIreland',
};

/** Drawn again whenever the protocols change (an import here, a policy applied as the settings resolve). */
function useCatalogue(): CatalogueEntry[] {
  void protocolsChanged.value;
  return protocolCatalogue();
}

function Preview({ entries, chosen, onChoose }: { entries: CatalogueEntry[]; chosen: string; onChoose: (id: string) => void }) {
  const [concernAt, setConcernAt] = useState(() => londonWallTime(new Date()));
  const entry = entries.find((e) => e.protocol.id === chosen) ?? entries[0]!;
  const today = now.value;
  const closureDays = settings.value.values.closureDays;
  const view = useMemo(() => {
    try {
      const at = fromLondonWallTime(concernAt);
      return previewLadder(entry.protocol.id, at, today, closureDays, { everyStageReached: true });
    } catch (error) {
      return { error: messageOf(error) };
    }
  }, [entry, concernAt, today, closureDays]);
  const warnings = lintProtocol(entry.protocol);
  return (
    <section aria-labelledby="preview-title" class="protocol-preview">
      <h3 id="preview-title" tabIndex={-1}>
        {t('protocolPreviewTitle')}
      </h3>
      <p>{t('protocolPreviewIntro')}</p>
      <Field id="preview-protocol" label={t('protocol')}>
        <select id="preview-protocol" value={entry.protocol.id} onChange={(e) => onChoose(e.currentTarget.value)}>
          {entries.map((e) => (
            <option key={e.protocol.id} value={e.protocol.id}>
              {e.protocol.partnership} ({t('versionN', { version: e.protocol.version })})
            </option>
          ))}
        </select>
      </Field>
      <Field id="preview-concern" label={t('previewConcernAt')} error={'error' in view ? view.error : undefined}>
        <input
          id="preview-concern"
          type="datetime-local"
          value={concernAt}
          aria-describedby={'error' in view ? 'preview-concern-error' : undefined}
          onInput={(e) => setConcernAt(e.currentTarget.value)}
        />
      </Field>
      <p data-preview-facts>
        {t('previewFacts', {
          id: entry.protocol.id,
          version: entry.protocol.version,
          calendar: t(CALENDAR_WORDS[entry.protocol.calendar]),
          document: `${entry.protocol.source.title} (${entry.protocol.source.version})`,
        })}
      </p>
      {warnings.length > 0 ? (
        <div class="lint" role="group" aria-labelledby="lint-title">
          <h4 id="lint-title">{t('lintTitle', { n: String(warnings.length) })}</h4>
          <ul>
            {warnings.map((w) => (
              <li key={w.path + w.message} data-lint={w.path}>
                <code>{w.path}</code>: {w.message}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p data-lint-none>{t('lintNone')}</p>
      )}
      {!('error' in view) && (
        <QuotesShown.Provider value={true}>
          <Ladder protocol={view.protocol} stages={view.stages} />
        </QuotesShown.Provider>
      )}
    </section>
  );
}

export function Protocols() {
  const entries = useCatalogue();
  const [status, setStatus] = useState('');
  const [problems, setProblems] = useState<{ message: string; list: string[] } | null>(null);
  const [previewing, setPreviewing] = useState(settings.value.values.defaultProtocol);

  async function importFile(file: File) {
    setStatus('');
    setProblems(null);
    try {
      const { protocol, replaced, current } = await importProtocolFile(await file.text());
      const words = { name: protocol.partnership, version: protocol.version, replaced: replaced ?? '', current: current.protocol.version };
      // Said as it stands once stored: an organisation's protocol of the same id stays the one new escalations follow.
      setStatus(
        t(
          current.source === 'organisation'
            ? 'protocolImportedOrganisationFirst'
            : replaced
              ? 'protocolImportedNewVersion'
              : 'protocolImported',
          words,
        ),
      );
      setPreviewing(protocol.id);
    } catch (error) {
      const list = error instanceof ProtocolError ? error.problems : [];
      setProblems({ message: list.length ? t('protocolNotImported') : `${t('protocolNotImported')} ${messageOf(error)}`, list });
    }
  }

  async function remove(entry: CatalogueEntry) {
    setStatus('');
    setProblems(null);
    const { id, version } = entry.protocol;
    const open = await pagesToBackground.send('openEscalationsFollowing', { id, version }).catch(() => undefined);
    if (open === undefined) return setProblems({ message: t('protocolNotRemovedUnknown'), list: [] });
    if (open > 0) return setProblems({ message: t('protocolInUse', { n: String(open), name: entry.protocol.partnership }), list: [] });
    const now = await removeImportedProtocol(entry.protocol.id);
    setStatus(
      now
        ? t('protocolRemovedOtherCurrent', {
            name: entry.protocol.partnership,
            version: version,
            current: now.protocol.version,
            source: t(SOURCE_WORDS[now.source]).toLowerCase(),
          })
        : t('protocolRemoved', { name: entry.protocol.partnership }),
    );
  }

  return (
    <section aria-labelledby="protocols-title">
      <h2 id="protocols-title">{t('protocolsTitle')}</h2>
      <p>{t('protocolsIntro')}</p>
      <RecordsTable
        caption={t('protocolsCaption')}
        columns={[
          { heading: t('partnership'), cell: ({ protocol }) => protocol.partnership },
          { heading: t('id'), cell: ({ protocol }) => protocol.id },
          { heading: t('versionColumn'), cell: ({ protocol }) => protocol.version },
          { heading: t('source'), cell: ({ source }) => t(SOURCE_WORDS[source]) },
          {
            heading: t('actionsColumn'),
            cell: (entry) => {
              const { protocol, source } = entry;
              return (
                <>
                  <button
                    type="button"
                    onClick={() => {
                      setPreviewing(protocol.id);
                      // Take the worker to what they asked for (below the table and the import).
                      requestAnimationFrame(() => document.getElementById('preview-title')?.focus());
                    }}
                  >
                    {t('previewProtocol', { name: protocol.id })}
                  </button>{' '}
                  <button type="button" onClick={() => downloadText(`${protocol.id}-${protocol.version}.json`, protocolFileText(protocol))}>
                    {t('exportProtocol', { name: protocol.id })}
                  </button>{' '}
                  {source === 'imported' && (
                    <button type="button" onClick={() => void remove(entry)}>
                      {t('removeProtocol', { name: protocol.id })}
                    </button>
                  )}
                </>
              );
            },
          },
        ]}
        rows={entries}
        rowKey={({ protocol }) => protocol.id}
        rowAttributes={({ protocol }) => ({ 'data-protocol': protocol.id })}
      />
      <JsonFileField id="protocol-file" label={t('importProtocol')} onFile={(file) => void importFile(file)} />
      {problems && (
        <div role="alert" class="error" data-protocol-problems>
          <p>{problems.message}</p>
          {problems.list.length > 0 && (
            <ul>
              {problems.list.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <p role="status">{status}</p>
      <Preview entries={entries} chosen={previewing} onChoose={setPreviewing} />
    </section>
  );
}
