// The settings a user may choose, and those the organisation has set (locked).
import { t } from '../../lib/strings';
import { useEffect, useState } from 'preact/hooks';
import { saveUserSetting } from '../../lib/browser/settings';
import { listProtocols } from '../../lib/protocols';
import { isLocked, settingsArrived, staleSettingsNote, type SettingKey } from '../../lib/settings';
import { Field } from '../shared/Field';
import { ProtocolSelect } from '../shared/ProtocolSelect';
import { followSettings, settings } from '../shared/settings';
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
      <fieldset disabled={locked('defaultProtocol')} data-setting="defaultProtocol">
        <legend>
          Protocol used for new escalations <Source setting="defaultProtocol" />
        </legend>
        <ProtocolSelect id="default-protocol" value={values.defaultProtocol} onChange={(id) => void save('defaultProtocol', id)} />
        {locked('allowedProtocols') && (
          <p class="note">
            Your organisation allows:{' '}
            {listProtocols()
              .filter((p) => values.allowedProtocols.includes(p.id))
              .map((p) => p.partnership)
              .join('; ')}
            .
          </p>
        )}
      </fieldset>
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
      <fieldset disabled={locked('retentionMonths') || !arrived} data-setting="retentionMonths">
        <legend>
          {t('keepClosedFor')} <Source setting="retentionMonths" />
        </legend>
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
      </fieldset>
      <fieldset disabled={locked('reminders')} data-setting="reminders">
        <legend>
          {t('reminders')} <Source setting="reminders" />
        </legend>
        <label class="check">
          <input type="checkbox" checked={values.reminders} onChange={(e) => void save('reminders', e.currentTarget.checked)} />
          {t('remindersLabel')}
        </label>
      </fieldset>
      <fieldset disabled={locked('quietOutsideWorkingHours') || !values.reminders} data-setting="quietOutsideWorkingHours">
        <legend>
          {t('quietHours')} <Source setting="quietOutsideWorkingHours" />
        </legend>
        <label class="check">
          <input
            type="checkbox"
            checked={values.quietOutsideWorkingHours}
            onChange={(e) => void save('quietOutsideWorkingHours', e.currentTarget.checked)}
          />
          {t('quietHoursLabel')}
        </label>
      </fieldset>
      <fieldset disabled={locked('panelPlacement')} data-setting="panelPlacement">
        <legend>
          {t('panelPlacementLegend')} <Source setting="panelPlacement" />
        </legend>
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
      </fieldset>
      <fieldset disabled={locked('chipShowsStatus')} data-setting="chipShowsStatus">
        <legend>
          {t('chipShowsStatusLegend')} <Source setting="chipShowsStatus" />
        </legend>
        <label class="check">
          <input type="checkbox" checked={values.chipShowsStatus} onChange={(e) => void save('chipShowsStatus', e.currentTarget.checked)} />
          {t('chipShowsStatusLabel')}
        </label>
      </fieldset>
      <fieldset disabled={locked('showChip')} data-setting="showChip">
        <legend>
          {t('showChipLegend')} <Source setting="showChip" />
        </legend>
        <label class="check">
          <input type="checkbox" checked={values.showChip} onChange={(e) => void save('showChip', e.currentTarget.checked)} />
          {t('showChipLabel')}
        </label>
      </fieldset>
      <fieldset data-setting="closureDays">
        <legend>
          {t('closureDaysLegend')} <Source setting="closureDays" />
        </legend>
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
      </fieldset>
      {values.contacts.length > 0 && (
        <fieldset data-setting="contacts">
          <legend>
            Organisation contacts <Source setting="contacts" />
          </legend>
          <ul>
            {values.contacts.map((c) => (
              <li key={`${c.area}${c.name}`}>
                {c.area}: {c.name} {c.phone ?? ''} {c.email ?? ''}
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      <p role="status">{saved}</p>
    </section>
  );
}
