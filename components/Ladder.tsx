import type { Protocol } from '../lib/protocols';
import { formatDue } from '../lib/format';
import { scheduleEscalation } from '../lib/schedule';

/** Every stage of a protocol in order: who acts, what must be done, and its clocks. */
export function Ladder({ protocol, concernRaisedAt }: { protocol: Protocol; concernRaisedAt: string }) {
  const schedule = scheduleEscalation({ protocolId: protocol.id, concernRaisedAt });
  return (
    <section aria-labelledby="ladder-title">
      <h2 id="ladder-title">{protocol.title}</h2>
      <p class="source">
        {protocol.partnership} · {protocol.source.version}
      </p>
      <ol class="ladder">
        {protocol.stages.map((stage, i) => {
          const clocks = schedule.stages[i]!.clocks;
          return (
            <li key={stage.id} class="stage" data-stage={stage.id}>
              <h3>{stage.title}</h3>
              <p>
                <strong>Who acts:</strong> {stage.who}
              </p>
              {stage.duties.length > 0 && (
                <ul class="duties">
                  {stage.duties.map((duty) => (
                    <li key={duty.id} title={duty.quote}>
                      {duty.text}
                    </li>
                  ))}
                </ul>
              )}
              {clocks.length > 0 && (
                <ul class="clocks" aria-label="Time limits if the concern was raised now">
                  {clocks.map((clock) => (
                    <li key={clock.id} title={clock.quote}>
                      {clock.label}: <time dateTime={clock.due}>due {formatDue(clock.due)}</time>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
