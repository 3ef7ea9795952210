// The panel's side of a change when the answer is lost: it asks whether the change landed and says which,
// never the browser's own words. And its live queries: one per question, however many ask it.
import { describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { recordsClient } from '../../lib/browser/records-bridge';
import type { PortReply as Reply, PortRequest as Request } from '../../lib/messages/records';
import { NotSavedError, OutcomeUnknownError, type LandedReply, type RecordsCommand } from '../../lib/records/commands';
import type { Escalation } from '../../lib/records/model';

const SAVED = { id: 'esc-1', reference: 'ESC-7K3F9Q' } as Escalation;
const COMMAND: RecordsCommand = { kind: 'record', changeId: 'change-0001', id: 'esc-1', body: { type: 'withdrawn', reason: 'Agreed' } };
const CLOSED =
  'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received';

function client(send: () => Promise<unknown>, answers: (LandedReply | Error)[]) {
  const asked: string[] = [];
  const c = recordsClient(
    () => {
      throw new Error('no port in these tests');
    },
    send as never,
    async (changeId) => {
      asked.push(changeId);
      const next = answers.shift();
      if (!next || next instanceof Error) throw next ?? new Error('Could not establish connection. Receiving end does not exist.');
      return next;
    },
    async () => undefined,
  );
  return { c, asked };
}

describe('a change whose answer was lost', () => {
  it('that landed is reported saved, with the state the records hold', async () => {
    const { c, asked } = client(() => Promise.reject(new Error(CLOSED)), [{ landed: SAVED }]);
    await expect(c.command(COMMAND)).resolves.toBe(SAVED);
    expect(asked).toEqual(['change-0001']);
  });

  it('that did not land is "Not saved", in words for the worker', async () => {
    const { c } = client(() => Promise.reject(new Error(CLOSED)), [{ landed: null }]);
    const error = await c.command(COMMAND).catch((e: Error) => e);
    expect(error).toBeInstanceOf(NotSavedError);
    expect((error as Error).message).toMatch(/^Not saved: .*Your text is still here\. Try again\.$/);
    expect((error as Error).message).not.toContain('listener');
  });

  it('asks again while the service worker starts, then says it cannot tell', async () => {
    const restarting = new Error('Could not establish connection. Receiving end does not exist.');
    const { c, asked } = client(() => Promise.resolve(undefined), [restarting, { landed: SAVED }]);
    await expect(c.command(COMMAND)).resolves.toBe(SAVED);
    expect(asked).toHaveLength(2);
    const never = client(() => Promise.reject(new Error(CLOSED)), [restarting, restarting, restarting]);
    const error = await never.c.command(COMMAND).catch((e: Error) => e);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect((error as Error).message).toContain('trying again will not record it twice');
  });

  it('a refusal is not a lost answer: its reason is shown and nothing is asked', async () => {
    const { c, asked } = client(() => Promise.resolve({ error: { name: 'TransitionError', message: 'Already withdrawn' } }), []);
    await expect(c.command(COMMAND)).rejects.toThrow('Already withdrawn');
    expect(asked).toEqual([]);
  });
});

describe('live queries through the background', () => {
  function withPort() {
    const posted: Request[] = [];
    let answer: (reply: Reply) => void = () => {};
    const port = {
      postMessage: (m: Request) => void posted.push(m),
      onMessage: { addListener: (f: (reply: Reply) => void) => void (answer = f) },
      onDisconnect: { addListener: () => undefined },
    } as unknown as Browser.runtime.Port;
    const c = recordsClient(() => port, (() => Promise.resolve(undefined)) as never);
    return { c, posted, answer: (reply: Reply) => answer(reply) };
  }
  const child = { kind: 'for-child' as const, hostId: 'mosaic', childId: '1000001' };

  it('a question asked twice is asked of the background once; the later asker hears the latest answer at once', () => {
    const { c, posted, answer } = withPort();
    const first: unknown[] = [];
    const second: unknown[] = [];
    const stopFirst = c.subscribe(child, (v) => first.push(v));
    answer({ sub: 1, value: [SAVED] });
    const stopSecond = c.subscribe({ ...child }, (v) => second.push(v));
    expect(second).toEqual([[SAVED]]);
    expect(posted).toEqual([{ op: 'subscribe', sub: 1, query: child }]);
    answer({ sub: 1, value: [] });
    expect(first).toEqual([[SAVED], []]);
    expect(second).toEqual([[SAVED], []]);
    // The background stops answering only when nobody is listening.
    stopFirst();
    expect(posted).toHaveLength(1);
    stopSecond();
    expect(posted.at(-1)).toEqual({ op: 'unsubscribe', sub: 1 });
    // Asked again after that: a new question, not the old answer.
    const third: unknown[] = [];
    c.subscribe(child, (v) => third.push(v));
    expect(third).toEqual([]);
    expect(posted.at(-1)).toEqual({ op: 'subscribe', sub: 2, query: child });
  });

  it('an answer the background read as the panel opened is shown until the live query answers, never after it', () => {
    const { c, answer } = withPort();
    const heard: unknown[] = [];
    // Nobody asking: nothing is kept.
    c.seed!(child, [SAVED]);
    c.subscribe(child, (v) => heard.push(v));
    expect(heard).toEqual([]);
    c.seed!(child, [SAVED]);
    expect(heard).toEqual([[SAVED]]);
    answer({ sub: 1, value: [] });
    // The live query has answered: a late opening answer replaces nothing.
    c.seed!(child, [SAVED]);
    expect(heard).toEqual([[SAVED], []]);
    const later: unknown[] = [];
    c.subscribe(child, (v) => later.push(v));
    expect(later).toEqual([[]]);
  });

  it('a live answer that says what the opening answer said is not drawn again; the next change is', () => {
    const { c, answer } = withPort();
    const heard: unknown[] = [];
    c.subscribe(child, (v) => heard.push(v));
    c.seed!(child, [{ reference: 'ESC-7K3F9Q', id: 'esc-1' }] as Escalation[]);
    // The same escalation, its keys in another order (as it comes through the browser's messaging).
    answer({ sub: 1, value: [SAVED] });
    expect(heard).toEqual([[{ reference: 'ESC-7K3F9Q', id: 'esc-1' }]]);
    answer({ sub: 1, value: [] });
    answer({ sub: 1, value: [] });
    // After the first live answer every answer is delivered, as before.
    expect(heard).toEqual([[{ reference: 'ESC-7K3F9Q', id: 'esc-1' }], [], []]);
  });
});
