import { fromLondonWallTime, londonWallTime } from '../../../lib/time/calendar';
import { protocolOf } from '../../../lib/protocols';
import { milestonesOffered } from '../../../lib/protocols/milestones';
import { MILESTONE_WORDS } from '../../../lib/protocols/kinds';
import { t } from '../../../lib/strings';
import { Field } from '../Field';
import { ActionForm, field, type Action } from './action';

/** What happened at the current stage and when: acknowledged, or a meeting or referral the protocol counts from. */
export const recordMilestone: Action = {
  id: 'milestone',
  label: () => t('recordMilestone'),
  available: (e) => e.status === 'open',
  done: 'doneMilestone',
  Form: ({ escalation, onRecord }) => {
    const offered = milestonesOffered(protocolOf(escalation), escalation.currentStage);
    return (
      <ActionForm
        onRecord={onRecord}
        title={t('recordMilestone')}
        submit={t('saveMilestone')}
        build={(d) => {
          let happenedAt: string;
          try {
            happenedAt = fromLondonWallTime(field(d, 'when'));
          } catch {
            return t('enterDateTime');
          }
          const milestone = field(d, 'milestone') as (typeof offered)[number];
          return offered.includes(milestone)
            ? { type: 'milestone', milestone, stageId: escalation.currentStage, happenedAt }
            : t('chooseMilestone');
        }}
      >
        <Field id="milestone-what" label={t('milestoneWhat')}>
          <select id="milestone-what" name="milestone">
            {offered.map((m) => (
              <option key={m} value={m}>
                {MILESTONE_WORDS[m]}
              </option>
            ))}
          </select>
        </Field>
        <Field id="milestone-when" label={t('milestoneWhen')}>
          <input id="milestone-when" name="when" type="datetime-local" defaultValue={londonWallTime(new Date())} />
        </Field>
      </ActionForm>
    );
  },
};
