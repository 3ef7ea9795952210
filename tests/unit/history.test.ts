import { describe, expect, it } from 'vitest';
import { isolate } from '../../lib/time/format';
import { describeEvent } from '../../lib/escalation/history';
import type { EscalationEvent } from '../../lib/records/model';

describe('typed text in the history cannot reorder the line around it', () => {
  it('isolates text with right-to-left letters or direction overrides, and leaves other text alone', () => {
    expect(isolate('Sam Reid')).toBe('Sam Reid');
    expect(isolate('\u202eecilop')).toBe('\u2068\u202eecilop\u2069');
    expect(isolate('سارة')).toBe('\u2068سارة\u2069');
  });

  it('a response whose sender and summary hold an override reads with each part set apart', () => {
    const event = {
      type: 'response-received',
      from: 'Sam \u202eReid',
      summary: 'Agreed \u202eto review',
    } as EscalationEvent;
    expect(describeEvent(event, { protocolId: 'herefordshire' })).toBe(
      'Response received from \u2068Sam \u202eReid\u2069: \u2068Agreed \u202eto review\u2069',
    );
  });
});
