// Moving an escalation to its protocol's current version: offered only when a newer one is installed, and
// only after both versions' deadlines are shown side by side (lib/versions.ts).
import { formatDue } from '../../../lib/time/format';
import { compareVersions, newerVersion } from '../../../lib/escalation/versions';
import { t } from '../../../lib/strings';
import { settings } from '../settings-signal';
import { ActionForm, type Action } from './action';

const due = (d: string | null) => (d ? formatDue(d) : t('noDeadline'));

export const moveVersion: Action = {
  id: 'move-version',
  label: () => t('compareVersions'),
  available: (e) => newerVersion(e) !== null,
  done: 'doneMovedVersion',
  Form: ({ escalation, onRecord }) => {
    const comparison = compareVersions(escalation, settings.value.values.closureDays);
    // The newer version went away while the form was open (a policy changed back): say so, claim nothing.
    if (!comparison) return <p>{t('followsCurrentVersion')}</p>;
    const { following, current, clocks, cannotMove } = comparison;
    return (
      <ActionForm
        onRecord={onRecord}
        title={t('compareVersions')}
        submit={t('moveToVersion', { version: current })}
        build={() => cannotMove ?? { type: 'protocol-version-moved', from: following, to: current }}
      >
        <table class="records versions">
          <caption>{t('versionsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('clockColumn')}</th>
              <th scope="col">{t('versionDues', { version: following })}</th>
              <th scope="col">{t('versionDues', { version: current })}</th>
            </tr>
          </thead>
          <tbody>
            {clocks.map((c) => (
              <tr
                key={`${c.stageId} ${c.clockId}`}
                data-stage={c.stageId}
                data-clock={c.clockId}
                class={c.isCurrentStage ? 'current' : undefined}
              >
                <th scope="row">
                  {c.stageTitle}: {c.label}
                </th>
                <td>{due(c.following)}</td>
                <td>{due(c.current)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {cannotMove && <p class="error">{cannotMove}</p>}
      </ActionForm>
    );
  },
};
