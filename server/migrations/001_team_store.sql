-- The team store: teams, memberships, escalations, an append-only event log, assignments, deletions and an access
-- log, with every read and write decided here by row-level security (the gateway decides nothing).
--
-- Run by the owner role (never a superuser in production). The role `escalation_gateway` must exist first: it is
-- the role the gateway logs in as (or a role the gateway's login is a member of). It is neither owner nor
-- superuser nor BYPASSRLS, so every policy below applies to it. server/migrate.mjs checks that before applying.

create schema app;
revoke all on schema app from public;
grant usage on schema app to escalation_gateway;

-- One row: the organisation's settings.
create table app.settings (
  singleton boolean primary key default true check (singleton),
  -- Changes when the database is restored from a logical dump (transaction ids start again): clients whose
  -- cursor names another epoch pull again from zero.
  epoch uuid not null default gen_random_uuid(),
  -- Closed escalations untouched for longer than this are purged (the extension's own default is 12 months).
  retention interval not null default interval '12 months' check (retention >= interval '1 day'),
  -- An escalation is closed when its latest event (by the client's order key) has one of these `payload.type`s.
  closing_types text[] not null default '{resolved,withdrawn}'
);
insert into app.settings default values;

create table app.teams (
  team_id text primary key check (team_id ~ '^[A-Za-z0-9._:-]{1,64}$'),
  name text not null check (length(name) between 1 and 200),
  created_at timestamptz not null default now()
);

-- Who belongs to which team, as what. The token's subject keys it; the database is the authority for team access.
-- A manager may manage several teams. A person who leaves gets `until` set (the row stays, for the record).
create table app.memberships (
  team_id text not null references app.teams on delete cascade,
  subject text not null check (length(subject) between 1 and 256),
  role text not null check (role in ('worker', 'manager')),
  since timestamptz not null default now(),
  until timestamptz,
  primary key (team_id, subject, role)
);
create index memberships_subject on app.memberships (subject);

-- An escalation belongs to one team and is owned by the worker whose event first named it.
create table app.escalations (
  escalation_id text primary key check (escalation_id ~ '^[A-Za-z0-9._:-]{1,128}$'),
  team_id text not null references app.teams,
  owner text not null,
  created_at timestamptz not null default now()
);
create index escalations_owner on app.escalations (owner);
create index escalations_team on app.escalations (team_id);

-- A worker who leaves (or is away) hands escalations over: the assignee reads and writes them as the owner does.
create table app.assignments (
  escalation_id text not null references app.escalations on delete cascade,
  assignee text not null check (length(assignee) between 1 and 256),
  assigned_by text not null,
  assigned_at timestamptz not null default now(),
  ended_at timestamptz,
  primary key (escalation_id, assignee)
);
create index assignments_assignee on app.assignments (assignee);

-- The event log. Keyed by the event's own id, so a second write of the same event is a no-op. `tx` is the writing
-- transaction: pulls hand out only rows below every transaction still open, so a late commit is never skipped.
create table app.events (
  event_id text primary key check (event_id ~ '^[A-Za-z0-9._:-]{1,128}$'),
  escalation_id text not null check (escalation_id ~ '^[A-Za-z0-9._:-]{1,128}$'),
  team_id text not null references app.teams,
  author text not null,
  order_key text not null check (length(order_key) between 1 and 200),
  payload jsonb not null check (jsonb_typeof(payload) = 'object' and octet_length(payload::text) <= 65536),
  recorded_at timestamptz not null default now(),
  tx xid8 not null default pg_current_xact_id(),
  seq bigint generated always as identity
);
create index events_pull on app.events (tx, seq);
create index events_escalation on app.events (escalation_id);
create index events_team on app.events (team_id, tx, seq);

-- What was purged, for clients to pull and apply. Who may see a deletion is kept with it (the escalation is gone).
create table app.deletions (
  deletion_id bigint generated always as identity primary key,
  escalation_id text not null,
  team_id text not null,
  owner text not null,
  assignees text[] not null default '{}',
  reason text not null check (reason in ('retention')),
  deleted_at timestamptz not null default now(),
  tx xid8 not null default pg_current_xact_id()
);
create index deletions_pull on app.deletions (tx, deletion_id);

-- Manager reads of a worker's escalation and every export.
create table app.access_log (
  access_id bigint generated always as identity primary key,
  reader text not null,
  kind text not null check (kind in ('manager-read', 'export', 'view')),
  escalation_id text,
  team_id text,
  detail text check (length(detail) <= 500),
  at timestamptz not null default now()
);
create index access_log_reader on app.access_log (reader, at);

-- ── The signed-in identity, as the gateway set it for this transaction ──────────────────────────────────────────
-- `request.jwt.claims` is set with set_config(…, true) (transaction-local): {"sub": "...", "roles": ["worker"|"team-manager"]}.

create function app.claims() returns jsonb
language sql stable
as $$ select coalesce(nullif(current_setting('request.jwt.claims', true), ''), '{}')::jsonb $$;

create function app.subject() returns text
language sql stable
as $$ select nullif(app.claims() ->> 'sub', '') $$;

create function app.has_role(role text) returns boolean
language sql stable
as $$ select coalesce(app.claims() -> 'roles' ? role, false) $$;

-- Narrow look-ups that read memberships and assignments whatever the caller may see (security definer, fixed
-- search_path, execute granted only to the gateway). Used by the policies as `(select …)`, so they run once per query.

-- Teams the caller is a current member of (any role).
create function app.my_teams() returns setof text
language sql stable security definer set search_path = pg_catalog, app
as $$
  select distinct team_id from app.memberships
  where subject = app.subject() and (until is null or until > now())
$$;

-- Teams the caller manages: a manager membership in the database and the manager role in the token.
create function app.managed_teams() returns setof text
language sql stable security definer set search_path = pg_catalog, app
as $$
  select team_id from app.memberships
  where subject = app.subject() and role = 'manager' and (until is null or until > now()) and app.has_role('team-manager')
$$;

-- Escalations the caller owns (while still a member of its team) or has been handed.
create function app.my_escalations() returns setof text
language sql stable security definer set search_path = pg_catalog, app
as $$
  select e.escalation_id from app.escalations e
  where e.owner = app.subject() and e.team_id in (select app.my_teams())
  union
  select a.escalation_id from app.assignments a join app.escalations e using (escalation_id)
  where a.assignee = app.subject() and a.ended_at is null and e.team_id in (select app.my_teams())
$$;

-- Whether the caller may add an event to this escalation in this team: they are a member of the team, and the
-- escalation is new (it will be theirs), or it is in that team and theirs, handed to them, or in a team they manage.
-- (Checked per row, so by index look-ups rather than through app.my_escalations().)
create function app.may_write(p_escalation text, p_team text) returns boolean
language sql stable security definer set search_path = pg_catalog, app
as $$
  select p_team in (select app.my_teams())
    and coalesce((
      select e.team_id = p_team
        and (e.owner = app.subject()
             or exists (select 1 from app.assignments a
                        where a.escalation_id = e.escalation_id and a.assignee = app.subject() and a.ended_at is null)
             or e.team_id in (select app.managed_teams()))
      from app.escalations e where e.escalation_id = p_escalation
    ), true)
$$;

-- The team of an escalation already stored, else the caller's only team (a member of several must name one).
create function app.team_for(p_escalation text) returns text
language plpgsql stable security definer set search_path = pg_catalog, app
as $$
declare
  found text;
  teams text[];
begin
  select team_id into found from app.escalations where escalation_id = p_escalation;
  if found is not null then return found; end if;
  select array_agg(t) into teams from app.my_teams() t;
  if coalesce(array_length(teams, 1), 0) = 1 then return teams[1]; end if;
  raise exception using errcode = '22023',
    message = case when teams is null then 'you are not a member of any team' else 'you belong to several teams: name the team' end;
end
$$;

-- ── Events: append-only ─────────────────────────────────────────────────────────────────────────────────────────

-- The author, time and transaction are the server's, whatever the insert says. Whether the insert is allowed at
-- all is the policy's to decide.
create function app.events_before_insert() returns trigger
language plpgsql
as $$
begin
  if app.subject() is null then
    raise exception using errcode = '42501', message = 'no signed-in identity for this transaction';
  end if;
  new.author := app.subject();
  new.recorded_at := now();
  new.tx := pg_current_xact_id();
  return new;
end
$$;
create trigger events_before_insert before insert on app.events
  for each row execute function app.events_before_insert();

-- An event stored for a new escalation creates it, in the event's team, owned by its author (after the policy
-- allowed the event; a duplicate skipped by ON CONFLICT fires nothing).
create function app.events_after_insert() returns trigger
language plpgsql security definer set search_path = pg_catalog, app
as $$
begin
  insert into app.escalations (escalation_id, team_id, owner) values (new.escalation_id, new.team_id, new.author)
  on conflict (escalation_id) do nothing;
  return null;
end
$$;
create trigger events_after_insert after insert on app.events
  for each row execute function app.events_after_insert();

-- Nobody changes an event. Two owner-only maintenance functions set app.maintenance for their own transaction: the
-- retention purge deletes ('purge'), and the rebase after a logical restore moves transaction ids ('restore').
create function app.events_immutable() returns trigger
language plpgsql
as $$
begin
  if tg_op = 'DELETE' and current_setting('app.maintenance', true) = 'purge' then
    return old;
  end if;
  if tg_op = 'UPDATE' and current_setting('app.maintenance', true) = 'restore'
     and (to_jsonb(new) - 'tx') = (to_jsonb(old) - 'tx') then
    return new;
  end if;
  raise exception using errcode = '42501', message = 'events are append-only: they cannot be ' || lower(tg_op) || 'd';
end
$$;
create trigger events_no_update before update on app.events
  for each row execute function app.events_immutable();
create trigger events_no_delete before delete on app.events
  for each row execute function app.events_immutable();
create trigger events_no_truncate before truncate on app.events
  for each statement execute function app.events_immutable();

alter table app.events enable row level security;
alter table app.events force row level security; -- the owner too

-- Also the caller's own events in a team they belong to: INSERT … ON CONFLICT checks the new row against this policy,
-- before the escalation the row creates exists.
create policy events_read on app.events for select using (
  team_id in (select app.managed_teams()) or escalation_id in (select app.my_escalations())
  or (author = app.subject() and team_id in (select app.my_teams()))
);
create policy events_append on app.events for insert with check (
  author = app.subject() and app.may_write(escalation_id, team_id)
);
-- No update policy for anyone else. The owner's policies hold only inside its maintenance functions.
do $$ begin
  execute format('create policy events_maintenance_read on app.events for select to %I using (current_setting(''app.maintenance'', true) in (''purge'', ''restore''))', current_user);
  execute format('create policy events_purge on app.events for delete to %I using (current_setting(''app.maintenance'', true) = ''purge'')', current_user);
  execute format('create policy events_rebase on app.events for update to %I using (current_setting(''app.maintenance'', true) = ''restore'')', current_user);
end $$;

-- ── The other tables, as the gateway sees them ──────────────────────────────────────────────────────────────────

alter table app.deletions enable row level security;
create policy deletions_read on app.deletions for select using (
  team_id in (select app.managed_teams()) or owner = app.subject() or app.subject() = any (assignees)
);

alter table app.access_log enable row level security;
create policy access_log_append on app.access_log for insert with check (reader = app.subject());
-- Managers read the log of their teams (who read what); nobody reads another team's.
create policy access_log_read on app.access_log for select using (reader = app.subject() or team_id in (select app.managed_teams()));

alter table app.memberships enable row level security;
create policy memberships_read on app.memberships for select using (subject = app.subject() or team_id in (select app.managed_teams()));

alter table app.teams enable row level security;
create policy teams_read on app.teams for select using (team_id in (select app.my_teams()));

alter table app.escalations enable row level security;
create policy escalations_read on app.escalations for select using (
  team_id in (select app.managed_teams()) or escalation_id in (select app.my_escalations())
);

alter table app.assignments enable row level security;
create policy assignments_read on app.assignments for select using (
  assignee = app.subject() or escalation_id in (select app.my_escalations())
  or escalation_id in (select escalation_id from app.escalations where team_id in (select app.managed_teams()))
);

-- What the caller may read, as a fingerprint: the teams they belong to and manage, and the escalations handed to them.
-- A pull cursor carries it; when it changes (a new team, a hand-over, leaving) rows below the cursor may have become
-- readable or unreadable, so the client is told to pull again from the start.
create function app.scope() returns text
language sql stable security definer set search_path = pg_catalog, app
as $$
  select md5(concat_ws('|',
    (select string_agg(t, ',' order by t) from app.my_teams() t),
    (select string_agg(t, ',' order by t) from app.managed_teams() t),
    (select string_agg(a.escalation_id, ',' order by a.escalation_id) from app.assignments a
     where a.assignee = app.subject() and a.ended_at is null)))
$$;

-- ── Pulls ────────────────────────────────────────────────────────────────────────────────────────────────────────

-- The highest transaction id below which every transaction has finished: rows with tx below it can all be seen.
create function app.watermark() returns xid8
language sql volatile
as $$ select pg_snapshot_xmin(pg_current_snapshot()) $$;

-- Events after the cursor (tx, seq) that the caller may read (the policy decides), below the watermark, in commit
-- order. Logs a manager-read for each escalation returned that is not the caller's own or handed to them.
create function app.pull_events(after_tx xid8, after_seq bigint, max_rows integer)
returns table (event_id text, escalation_id text, team_id text, author text, order_key text, payload jsonb,
               recorded_at timestamptz, tx xid8, seq bigint)
language plpgsql volatile
set search_path = pg_catalog, app
as $$
declare
  mark xid8 := app.watermark();
begin
  return query
    with page as (
      select e.event_id, e.escalation_id, e.team_id, e.author, e.order_key, e.payload, e.recorded_at, e.tx, e.seq
      from app.events e
      where (e.tx, e.seq) > (after_tx, after_seq) and e.tx < mark
      order by e.tx, e.seq
      limit max_rows
    ), logged as (
      insert into app.access_log (reader, kind, escalation_id, team_id)
      select distinct app.subject(), 'manager-read', p.escalation_id, p.team_id from page p
      where p.escalation_id not in (select app.my_escalations())
    )
    select * from page order by page.tx, page.seq;
end
$$;

create function app.pull_deletions(after_tx xid8, after_id bigint, max_rows integer)
returns table (deletion_id bigint, escalation_id text, team_id text, reason text, deleted_at timestamptz, tx xid8)
language plpgsql volatile
set search_path = pg_catalog, app
as $$
declare
  mark xid8 := app.watermark();
begin
  return query
    select d.deletion_id, d.escalation_id, d.team_id, d.reason, d.deleted_at, d.tx
    from app.deletions d
    where (d.tx, d.deletion_id) > (after_tx, after_id) and d.tx < mark
    order by d.tx, d.deletion_id
    limit max_rows;
end
$$;

-- ── Hand-over and retention ─────────────────────────────────────────────────────────────────────────────────────

-- A manager of the escalation's team hands it to a current member of that team (ending any earlier hand-over).
create function app.assign(p_escalation text, p_assignee text) returns void
language plpgsql volatile security definer set search_path = pg_catalog, app
as $$
declare
  team text;
begin
  select team_id into team from app.escalations where escalation_id = p_escalation and team_id in (select app.managed_teams());
  if team is null then
    raise exception using errcode = '42501', message = 'only a manager of the escalation''s team can hand it over';
  end if;
  if not exists (select 1 from app.memberships where team_id = team and subject = p_assignee and (until is null or until > now())) then
    raise exception using errcode = '22023', message = 'the person it is handed to is not a member of the team';
  end if;
  update app.assignments set ended_at = now() where escalation_id = p_escalation and ended_at is null and assignee <> p_assignee;
  insert into app.assignments (escalation_id, assignee, assigned_by) values (p_escalation, p_assignee, app.subject())
  on conflict (escalation_id, assignee) do update set ended_at = null, assigned_by = excluded.assigned_by, assigned_at = now();
end
$$;

-- The only delete path: closed escalations whose last event is older than the retention period go, with their
-- events and hand-overs, and each leaves a deletion row that clients pull and apply. Run by the owner on a schedule.
create function app.purge_expired(now_ timestamptz default now()) returns integer
language plpgsql volatile security definer set search_path = pg_catalog, app
as $$
declare
  s app.settings;
  doomed text[];
begin
  select * into s from app.settings;
  perform set_config('app.maintenance', 'purge', true);
  select array_agg(x.escalation_id) into doomed from (
    select e.escalation_id
    from app.events e
    group by e.escalation_id
    having max(e.recorded_at) < now_ - s.retention
      and (array_agg(e.payload ->> 'type' order by e.order_key desc, e.event_id desc))[1] = any (s.closing_types)
  ) x;
  if doomed is null then
    perform set_config('app.maintenance', '', true);
    return 0;
  end if;
  insert into app.deletions (escalation_id, team_id, owner, assignees, reason)
    select e.escalation_id, e.team_id, e.owner,
           coalesce((select array_agg(a.assignee) from app.assignments a where a.escalation_id = e.escalation_id), '{}'),
           'retention'
    from app.escalations e where e.escalation_id = any (doomed);
  delete from app.events where escalation_id = any (doomed);
  perform set_config('app.maintenance', '', true);
  delete from app.escalations where escalation_id = any (doomed); -- assignments go with them (cascade)
  return array_length(doomed, 1);
end
$$;

-- After a restore from a logical dump (pg_dump/pg_restore) into another cluster, the stored transaction ids belong to
-- the old cluster and may be far above the new one's, so new rows would sort below every cursor and never be pulled.
-- Run once as the owner, with the gateway stopped, before letting clients back: rows "from the future" move to tx 1
-- (keeping their order by seq) and the epoch changes, so every client pulls again from the start. Physical backups
-- and point-in-time restores keep transaction ids and need none of this.
create function app.after_logical_restore() returns integer
language plpgsql volatile security definer set search_path = pg_catalog, app
as $$
declare
  moved integer;
begin
  perform set_config('app.maintenance', 'restore', true);
  update app.events set tx = '1'::xid8 where tx >= pg_current_xact_id();
  get diagnostics moved = row_count;
  update app.deletions set tx = '1'::xid8 where tx >= pg_current_xact_id();
  update app.settings set epoch = gen_random_uuid();
  perform set_config('app.maintenance', '', true);
  return moved;
end
$$;

-- ── Grants: the gateway gets exactly this ───────────────────────────────────────────────────────────────────────

revoke all on all tables in schema app from public;
revoke all on all functions in schema app from public;
revoke all on all sequences in schema app from public;

grant select, insert on app.events to escalation_gateway;
revoke update, delete, truncate on app.events from escalation_gateway;
grant select on app.deletions, app.memberships, app.teams, app.escalations, app.assignments to escalation_gateway;
grant select, insert on app.access_log to escalation_gateway;
grant select on app.settings to escalation_gateway;
grant execute on function
  app.claims(), app.subject(), app.has_role(text), app.my_teams(), app.managed_teams(), app.my_escalations(),
  app.may_write(text, text), app.team_for(text), app.watermark(), app.scope(),
  app.pull_events(xid8, bigint, integer), app.pull_deletions(xid8, bigint, integer), app.assign(text, text)
  to escalation_gateway;
-- Trigger functions run for whoever inserts; they need no grant. app.purge_expired and app.after_logical_restore stay
-- the owner's alone.
