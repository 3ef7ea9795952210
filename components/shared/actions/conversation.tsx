// Recording a conversation: who it was with and what was said. The discussion held (each protocol's first step,
// practitioner to practitioner) and the response received from the person escalated to differ only in words.
import type { EventBody } from '../../../lib/records/model';
import { t, type StringKey } from '../../../lib/strings';
import { textAction } from './action';

interface Conversation {
  id: string;
  /** The field naming the other person: who it was `with`, or who it came `from`. */
  who: 'with' | 'from';
  words: { label: StringKey; submit: StringKey; done: StringKey; who: StringKey; summary: StringKey; missing: StringKey };
  /** The event, from who it was with (or from) and what was said. */
  body: (who: string, summary: string) => EventBody;
}

const conversation = ({ id, who, words, body }: Conversation) =>
  textAction({
    id,
    label: words.label,
    submit: words.submit,
    done: words.done,
    fields: [
      { name: who, label: words.who },
      { name: 'summary', label: words.summary, rows: 3 },
    ],
    build: (text) => (text('summary') ? body(text(who), text('summary')) : t(words.missing)),
  });

export const recordDiscussion = conversation({
  id: 'discussion',
  who: 'with',
  words: {
    label: 'recordDiscussion',
    submit: 'saveDiscussion',
    done: 'doneDiscussion',
    who: 'discussionWith',
    summary: 'discussionSummary',
    missing: 'sayWhatDiscussed',
  },
  body: (who, summary) => ({ type: 'discussion-held', with: who, summary }),
});

export const recordResponse = conversation({
  id: 'response',
  who: 'from',
  words: {
    label: 'recordResponse',
    submit: 'saveResponse',
    done: 'doneResponse',
    who: 'responseFrom',
    summary: 'responseSummary',
    missing: 'sayResponse',
  },
  body: (who, summary) => ({ type: 'response-received', from: who, summary }),
});
