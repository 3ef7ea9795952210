// The team store on the options page: whether IT set one up, who is signed in to which server and team, the last
// complete sync, what waits to be sent, and what is wrong when something is (asked of the server, not guessed).
import { useEffect, useState } from 'preact/hooks';
import { database } from '../../lib/browser/database';
import { TEAM_SESSION_ITEM } from '../../lib/browser/storage';
import { signInToTeam, signOutOfTeam, syncTeam, teamServerSetting, teamSyncOnDevice, teamTransport } from '../../lib/browser/team-sync';
import { formatDue } from '../../lib/time/format';
import { t } from '../../lib/strings';
import { whoAmI } from '../../lib/sync/client';
import type { TeamServerSetting } from '../../lib/sync/config';
import type { SyncState } from '../../lib/team/model';
import type { Session } from '../../lib/sync/oidc';
import { problemWords, refusedWords } from '../../lib/team/status';
import { settings } from '../shared/settings-signal';

interface Seen {
  setting: TeamServerSetting;
  session: Session | null;
  state?: SyncState;
  waiting: number;
  /** Events the server refused, a line per reason ("3 changes refused by the server: …"). */
  refused: string[];
  /** What the server says is wrong now, if anything (its /v1/me). */
  diagnostic?: string;
}

async function look(): Promise<Seen> {
  const setting = await teamServerSetting();
  const session = await TEAM_SESSION_ITEM.get();
  if (!setting.configured) return { setting, session, waiting: 0, refused: [] };
  const { state, queued } = await teamSyncOnDevice();
  const { config } = setting;
  let diagnostic: string | undefined;
  if (session) {
    const me = await whoAmI(teamTransport(config, async () => session.accessToken));
    if (!me.ok) diagnostic = problemWords(me.problem, config.team);
    else if (!me.value.memberships.some((m) => m.team === config.team)) diagnostic = problemWords({ kind: 'not-a-member' }, config.team);
  } else if (state?.problem) diagnostic = problemWords(state.problem, config.team);
  return { setting, session, state, waiting: queued.length, refused: refusedWords(queued), diagnostic };
}

export function TeamServer() {
  const [seen, setSeen] = useState<Seen>();
  const [message, setMessage] = useState('');
  const refresh = () => look().then(setSeen, (e: Error) => setMessage(e.message));
  useEffect(() => void refresh(), []);
  // Without a team server policy the page is as it always was; a policy that is not valid is said.
  if (!seen || (!seen.setting.configured && !('problem' in seen.setting))) return null;
  const { setting, session, state, waiting, refused, diagnostic } = seen;
  const act = (work: () => Promise<unknown>) => () => {
    setMessage('');
    void work().then(refresh, (e: Error) => setMessage(e.message));
  };
  return (
    <section aria-labelledby="team-title" data-team-server>
      <h2 id="team-title">{t('teamLegend')}</h2>
      {!setting.configured ? (
        <p>{'problem' in setting ? setting.problem : t('teamNotConfigured')}</p>
      ) : session ? (
        <>
          <p data-signed-in>
            {t('teamSignedInAs', {
              subject: session.subject,
              roles: session.manager ? t('teamRoleManager') : t('teamRoleWorker'),
              server: setting.config.server,
              team: setting.config.team,
            })}
          </p>
          <p data-last-sync>
            {state?.lastSyncedAt ? t('teamLastSync', { when: formatDue(state.lastSyncedAt) }) : t('teamNeverSynced')}{' '}
            {waiting > 0 && t('teamWaitingCount', { count: String(waiting) })}
          </p>
          {diagnostic && (
            <p role="alert" data-diagnostic>
              {diagnostic}
            </p>
          )}
          {refused.map((line) => (
            <p key={line} data-refused>
              {line}
            </p>
          ))}
          <button
            type="button"
            onClick={act(() =>
              syncTeam({ database, closureDays: async () => settings.value.values.closureDays, recordsChanged: () => undefined }),
            )}
          >
            {t('teamSyncNow')}
          </button>{' '}
          <button type="button" onClick={act(signOutOfTeam)}>
            {t('teamSignOut')}
          </button>
        </>
      ) : (
        <>
          <p>{t('teamNotSignedIn', { server: setting.config.server, team: setting.config.team })}</p>
          {diagnostic && <p role="alert">{diagnostic}</p>}
          <button type="button" onClick={act(() => signInToTeam(setting.config))}>
            {t('teamSignIn')}
          </button>
        </>
      )}
      <p role="status">{message}</p>
    </section>
  );
}
