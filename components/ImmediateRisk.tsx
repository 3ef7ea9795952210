import type { Protocol } from '../lib/protocols';
import { t } from '../lib/strings';
import { settings } from './settings';

/** Immediate risk comes before everything else: the protocol's words and the organisational numbers. */
export function ImmediateRisk({ protocol }: { protocol: Protocol }) {
  // The organisation's own contacts (set by IT) come first.
  const urgent = [...settings.value.values.contacts, ...protocol.contacts].filter((c) => c.kind === 'front-door' || c.kind === 'out-of-hours' || c.kind === 'emergency');
  return (
    <section class="immediate-risk" role="region" aria-labelledby="risk-title">
      <h2 id="risk-title">{t('riskTitle')}</h2>
      <p>
        <strong>{t('riskFirst')}</strong>
      </p>
      <p>{protocol.immediateRisk.text}</p>
      <blockquote>“{protocol.immediateRisk.quote}”</blockquote>
      {urgent.length > 0 ? (
        <ul class="contacts">
          {urgent.map((c) => (
            <li key={`${c.area}-${c.name}`}>
              <strong>
                {c.area}: {c.name}
              </strong>{' '}
              {c.phone && <a href={`tel:${c.phone.replace(/[^0-9+]/g, '')}`}>{c.phone}</a>}
              {c.hours && <span> ({c.hours})</span>}
              {c.kind === 'out-of-hours' && <span> (out of hours)</span>}
              {c.source && <span class="source"> (from the {c.source})</span>}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('riskNoNumbers')}</p>
      )}
    </section>
  );
}
