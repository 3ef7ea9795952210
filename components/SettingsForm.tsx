// The settings a user may choose, and those the organisation has set (locked).
import { useEffect, useState } from 'preact/hooks';
import { saveUserSetting } from '../lib/browser/settings';
import { listProtocols } from '../lib/protocols';
import { isLocked, type SettingKey } from '../lib/settings';
import { Field } from './Field';
import { ProtocolSelect } from './ProtocolSelect';
import { followSettings, settings } from './settings';

function Source({ setting }: { setting: SettingKey }) {
  const source = settings.value.source[setting];
  return (
    <span class={`source-tag ${source}`} data-source={source}>
      {source === 'organisation' ? 'Set by your organisation' : source === 'you' ? 'Set by you' : 'Default'}
    </span>
  );
}

export function SettingsForm() {
  const [worker, setWorker] = useState({ name: '', role: '', agency: '' });
  const [saved, setSaved] = useState('');
  useEffect(() => {
    followSettings();
    void browser.storage.local.get('worker').then(({ worker: w }) => w && setWorker(w as typeof worker));
  }, []);
  const { values, warnings } = settings.value;
  const locked = (k: SettingKey) => isLocked(settings.value, k);
  const save = async <K extends SettingKey>(key: K, value: (typeof values)[K]) => {
    await saveUserSetting(key, value);
    setSaved('Saved.');
  };
  return (
    <section aria-labelledby="settings-title">
      <h2 id="settings-title">Settings</h2>
      {warnings.length > 0 && (
        <div role="alert" class="error">
          <p>
            <strong>Some settings were ignored:</strong>
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
            Your organisation allows: {listProtocols().filter((p) => values.allowedProtocols.includes(p.id)).map((p) => p.partnership).join('; ')}.
          </p>
        )}
      </fieldset>
      <fieldset>
        <legend>About you (filled into new escalations and case notes)</legend>
        {(['name', 'role', 'agency'] as const).map((k) => (
          <Field key={k} id={`worker-${k}`} label={`Your ${k}`}>
            <input id={`worker-${k}`} value={worker[k]} onInput={(e) => setWorker({ ...worker, [k]: (e.currentTarget as HTMLInputElement).value })} />
          </Field>
        ))}
        <button type="button" onClick={() => void browser.storage.local.set({ worker }).then(() => setSaved('Saved.'))}>
          Save your details
        </button>
      </fieldset>
      <fieldset disabled={locked('retentionMonths')} data-setting="retentionMonths">
        <legend>
          Keep closed escalations for <Source setting="retentionMonths" />
        </legend>
        <Field id="retention" label="Months after they were closed, before they are offered for deletion">
          <input
            id="retention"
            type="number"
            min={1}
            max={120}
            value={values.retentionMonths}
            onChange={(e) => {
              const n = Number((e.currentTarget as HTMLInputElement).value);
              if (Number.isInteger(n) && n >= 1 && n <= 120) void save('retentionMonths', n);
            }}
          />
        </Field>
      </fieldset>
      <fieldset disabled={locked('reminders')} data-setting="reminders">
        <legend>
          Reminders <Source setting="reminders" />
        </legend>
        <label class="check">
          <input type="checkbox" checked={values.reminders} onChange={(e) => void save('reminders', (e.currentTarget as HTMLInputElement).checked)} />
          Remind me with a browser notification one working day before a stage is due, and when it becomes overdue
        </label>
      </fieldset>
      <fieldset disabled={locked('quietOutsideWorkingHours') || !values.reminders} data-setting="quietOutsideWorkingHours">
        <legend>
          Quiet hours <Source setting="quietOutsideWorkingHours" />
        </legend>
        <label class="check">
          <input
            type="checkbox"
            checked={values.quietOutsideWorkingHours}
            onChange={(e) => void save('quietOutsideWorkingHours', (e.currentTarget as HTMLInputElement).checked)}
          />
          Hold reminders outside working hours (09:00 to 17:00 on working days) until the next working morning
        </label>
      </fieldset>
      <fieldset data-setting="extraNonWorkingDays">
        <legend>
          Closure days not counted as working days <Source setting="extraNonWorkingDays" />
        </legend>
        {Object.keys(values.extraNonWorkingDays).length === 0 ? (
          <p>None besides weekends and bank holidays.</p>
        ) : (
          <ul>
            {Object.entries(values.extraNonWorkingDays).map(([day, why]) => (
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
