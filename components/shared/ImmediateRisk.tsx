import type { Protocol } from '../../lib/protocols';
import { dialHref, menuOptions, numberOnly } from '../../lib/protocols/contacts';
import { t } from '../../lib/strings';
import { settings } from './settings-signal';

/** Immediate risk comes before everything else: the protocol's own route, in its words, and the organisational numbers. */
export function ImmediateRisk({ protocol }: { protocol: Protocol }) {
  // The organisation's own contacts (set by IT) come first.
  const urgent = [...settings.value.values.contacts, ...protocol.contacts].filter(
    (c) => c.kind === 'front-door' || c.kind === 'out-of-hours' || c.kind === 'emergency',
  );
  return (
    <section class="immediate-risk" role="region" aria-labelledby="risk-title">
      <h2 id="risk-title">{t('riskTitle')}</h2>
      {/* Each partnership's own route, in its own order: never one wording for all. */}
      <ol class="risk-steps">
        {protocol.immediateRisk.steps.map((step) => (
          <li key={step.text}>
            <strong>{step.text}</strong>
            <blockquote>“{step.quote}”</blockquote>
          </li>
        ))}
      </ol>
      {urgent.length > 0 ? (
        <ul class="contacts">
          {urgent.map((c) => (
            <li key={`${c.area}-${c.name}`}>
              <strong>
                {c.area}: {c.name}
              </strong>{' '}
              {c.alsoServes && c.alsoServes.length > 0 && (
                <span class="also-serves">({t('alsoServes', { areas: c.alsoServes.join(', ') })}) </span>
              )}
              {c.phone && <a href={dialHref(c.phone)}>{numberOnly(c.phone)}</a>}
              {menuOptions(c).length > 0 && (
                <span class="menu">, {t('dialThenOptions', { options: menuOptions(c).join(', option ') })}</span>
              )}
              {c.hours && <span> ({c.hours})</span>}
              {c.kind === 'out-of-hours' && <span> ({t('outOfHours')})</span>}
              {c.source && <span class="source"> ({t('contactSource', { source: c.source })})</span>}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('riskNoNumbers')}</p>
      )}
    </section>
  );
}
