// The settings a user may choose, and those the organisation has set (locked).
import { t, type StringKey } from '../../lib/strings';
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { saveUserSetting } from '../../lib/browser/settings-storage';
import { listProtocols } from '../../lib/protocols';
import { isLocked, settingsArrived, staleSettingsNote, type SettingKey } from '../../lib/settings';
import { Field } from '../shared/Field';
import { ProtocolSelect } from '../shared/ProtocolSelect';
import { followSettings, settings } from '../shared/settings-signal';
import { WORKER_ITEM } from '../../lib/browser/storage';

function Source({ setting }: { setting: SettingKey }) {
  const source = settings.value.source[setting];
  return (
    <span class={`source-tag ${source}`} data-source={source}>
      {source === 'organisation' ? t('setByOrganisation') : source === 'you' ? t('setByYou') : t('default')}
    </span>
  );
}

const WORKER_LABELS = { name: 'myName', role: 'myRole', agency: 'myAgency' } as const;

type Values = typeof settings.value.values;
type OnOffKey = { [K in SettingKey]: Values[K] extends boolean ? K : never }[SettingKey];

/** The on/off settings, a checkbox each; `needs`: the setting without which this one does nothing. */
const SWITCHES: readonly { key: OnOffKey; legend: StringKey; label: StringKey; needs?: OnOffKey }[] = [
  { key: 'reminders', legend: 'reminders', label: 'remindersLabel' },
  { key: 'quietOutsideWorkingHours', legend: 'quietHours', label: 'quietHoursLabel', needs: 'reminders' },
  { key: 'chipShowsStatus', legend: 'chipShowsStatusLegend', label: 'chipShowsStatusLabel' },
  { key: 'showChip', legend: 'showChipLegend', label: 'showChipLabel' },
];

/** One setting's fieldset: its legend says who set it, and it is locked when the organisation has. */
function Setting({
  setting,
  legend,
  disabled,
  children,
}: {
  setting: SettingKey;
  legend: ComponentChildren;
  disabled?: boolean;
  children: ComponentChildren;
}) {
  return (
    <fieldset disabled={disabled} data-setting={setting}>
      <legend>
        {legend} <Source setting={setting} />
      </legend>
      {children}
    </fieldset>
  );
}

export function SettingsForm() {
  const [worker, setWorker] = useState({ name: '', role: '', agency: '' });
  const [saved, setSaved] = useState('');
  useEffect(() => {
    followSettings();
    void WORKER_ITEM.get().then((w) => w && setWorker(w));
  }, []);
  const { values, warnings } = settings.value;
  // Until the settings arrive a control shows nothing, never a built-in value the organisation may have changed.
  const arrived = settingsArrived(settings.value);
  const stale = staleSettingsNote(settings.value);
  const locked = (k: SettingKey) => isLocked(settings.value, k);
  const save = async <K extends SettingKey>(key: K, value: (typeof values)[K]) => {
    await saveUserSetting(key, value);
    setSaved(t('saved'));
  };
  return (
    <section aria-labelledby="settings-title">
      <h2 id="settings-title">{t('settingsLink')}</h2>
      {!arrived && <p role="status">{t('waitingForOrganisationSettings')}</p>}
      {stale && <p class="note">{stale}</p>}
      {warnings.length > 0 && (
        <div role="alert" class="error">
          <p>
            <strong>{t('settingsIgnored')}</strong>
          </p>
          <ul>
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      )}
      <Setting setting="defaultProtocol" legend={t('defaultProtocolLegend')} disabled={locked('defaultProtocol')}>
        <ProtocolSelect id="default-protocol" value={values.defaultProtocol} onChange={(id) => void save('defaultProtocol', id)} />
        {locked('allowedProtocols') && (
          <p class="note">
            {t('organisationAllows', {
              protocols: listProtocols()
                .filter((p) => values.allowedProtocols.includes(p.id))
                .map((p) => p.partnership)
                .join('; '),
            })}
          </p>
        )}
      </Setting>
      <fieldset>
        <legend>{t('aboutYouLegend')}</legend>
        {(['name', 'role', 'agency'] as const).map((k) => (
          <Field key={k} id={`worker-${k}`} label={t(WORKER_LABELS[k])}>
            <input id={`worker-${k}`} value={worker[k]} onInput={(e) => setWorker({ ...worker, [k]: e.currentTarget.value })} />
          </Field>
        ))}
        <button type="button" onClick={() => void WORKER_ITEM.set(worker).then(() => setSaved(t('saved')))}>
          {t('saveYourDetails')}
        </button>
      </fieldset>
      <Setting setting="retentionMonths" legend={t('keepClosedFor')} disabled={locked('retentionMonths') || !arrived}>
        <Field id="retention" label={t('retentionLabel')}>
          <input
            id="retention"
            type="number"
            min={1}
            max={120}
            value={arrived ? values.retentionMonths : ''}
            onChange={(e) => {
              const n = Number(e.currentTarget.value);
              if (Number.isInteger(n) && n >= 1 && n <= 120) void save('retentionMonths', n);
            }}
          />
        </Field>
      </Setting>
      {SWITCHES.map(({ key, legend, label, needs }) => (
        <Setting key={key} setting={key} legend={t(legend)} disabled={locked(key) || (needs !== undefined && !values[needs])}>
          <label class="check">
            <input type="checkbox" checked={values[key]} onChange={(e) => void save(key, e.currentTarget.checked)} />
            {t(label)}
          </label>
        </Setting>
      ))}
      <Setting setting="panelPlacement" legend={t('panelPlacementLegend')} disabled={locked('panelPlacement')}>
        {(['side-panel', 'in-page'] as const).map((placement) => (
          <label class="check" key={placement}>
            <input
              type="radio"
              name="panel-placement"
              checked={values.panelPlacement === placement}
              onChange={() => void save('panelPlacement', placement)}
            />
            {t(placement === 'side-panel' ? 'placementSidePanel' : 'placementInPage')}
          </label>
        ))}
      </Setting>
      <Setting setting="closureDays" legend={t('closureDaysLegend')}>
        {Object.keys(values.closureDays).length === 0 ? (
          <p>{t('noClosureDays')}</p>
        ) : (
          <ul>
            {Object.entries(values.closureDays).map(([day, why]) => (
              <li key={day}>
                {day}: {why}
              </li>
            ))}
          </ul>
        )}
      </Setting>
      {values.contacts.length > 0 && (
        <Setting setting="contacts" legend={t('organisationContacts')}>
          <ul>
            {values.contacts.map((c) => (
              <li key={`${c.area}${c.name}`}>
                {c.area}: {c.name} {c.phone ?? ''} {c.email ?? ''}
              </li>
            ))}
          </ul>
        </Setting>
      )}
      <p role="status">{saved}</p>
    </section>
  );
}
