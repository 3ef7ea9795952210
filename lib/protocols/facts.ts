// A protocol's questions (second edition) as a worker answers them: "Yes"/"No" for a yes/no question, a
// choice's label (or id) otherwise. Anything else is no answer, never a guess.
import { t } from '../strings';
import type { Fact } from './schema';

/** The recorded value of a typed or chosen answer, or undefined when it is not one of the question's answers. */
export function parseAnswer(fact: Fact, answer: string): boolean | string | undefined {
  const given = answer.trim().toLowerCase();
  if (!given) return undefined;
  if (!fact.choices) {
    if ([t('answerYes').toLowerCase(), 'yes', 'true'].includes(given)) return true;
    if ([t('answerNo').toLowerCase(), 'no', 'false'].includes(given)) return false;
    return undefined;
  }
  return fact.choices.find((c) => c.id.toLowerCase() === given || c.label.toLowerCase() === given)?.id;
}

/** The answers to offer for a question: Yes and No, or its choices. */
export function answerOptions(fact: Fact): { value: string; label: string }[] {
  return fact.choices
    ? fact.choices.map((c) => ({ value: c.id, label: c.label }))
    : [
        { value: 'yes', label: t('answerYes') },
        { value: 'no', label: t('answerNo') },
      ];
}
