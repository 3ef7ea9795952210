// How a protocol is named where a worker chooses one: who issued it and the date printed on it, so a
// 2013 Board protocol is not taken for a current partnership's, and whether the organisation has marked it
// superseded.
import { t } from '../strings';
import type { Protocol } from './schema';

/** "Halton Safeguarding Children Board (Revised September 2013)", then "– superseded: …" where the organisation says so. */
export function protocolChoice(
  protocol: Pick<Protocol, 'id' | 'partnership' | 'source'>,
  superseded: Readonly<Record<string, string>> = {},
): string {
  const issued = t('protocolIssued', { partnership: protocol.partnership, date: protocol.source.version });
  const why = Object.hasOwn(superseded, protocol.id) ? superseded[protocol.id] : undefined;
  return why ? `${issued} – ${t('protocolSuperseded', { reason: why })}` : issued;
}
