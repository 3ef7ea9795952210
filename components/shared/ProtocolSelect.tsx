import { listProtocols } from '../../lib/protocols';
import { protocolChoice } from '../../lib/protocols/describe';
import { settings } from './settings-signal';
import { protocolsAllowed } from '../../lib/settings';
import { protocolsChanged } from './catalogue';
import { t } from '../../lib/strings';
import { Field } from './Field';

/** The partnership protocols the organisation allows, by partnership name. */
export function ProtocolSelect({ id, value, onChange }: { id: string; value: string; onChange: (protocolId: string) => void }) {
  void protocolsChanged.value; // an imported or deployed protocol is offered as soon as it is known
  return (
    <Field id={id} label={t('protocol')}>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {listProtocols()
          .filter((p) => protocolsAllowed(settings.value).includes(p.id) || p.id === value)
          .map((p) => (
            <option key={p.id} value={p.id}>
              {protocolChoice(p, settings.value.values.supersededProtocols)}
            </option>
          ))}
      </select>
    </Field>
  );
}
