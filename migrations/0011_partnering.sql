-- Partnering (issue 5): partner suggestions, double opt-in introductions, ties between actors.
-- The partner index keeps a copy of the ties and preferences in the app (like the directory index,
-- ADR 0007): each row carries the id of the transaction that last wrote it, so the copy reads what
-- was committed since its last snapshot (pg_visible_in_snapshot) without a separate change log.

create function partnering_touch() returns trigger language plpgsql as $$
begin
  new.xid := pg_current_xact_id();
  new.updated_at := now();
  return new;
end
$$;

-- What an actor's admins decided about being suggested, contacted and showing their network.
create table partner_preferences (
  actor_id bigint primary key references actors(id) on delete cascade,
  suggestible boolean not null default true,
  contactable boolean not null default true,
  ties_visibility text not null default 'members' check (ties_visibility in ('public', 'members', 'none')),
  updated_by bigint references users(id) on delete set null,
  updated_at timestamptz not null default now(),
  xid xid8 not null default pg_current_xact_id()
);
create index partner_preferences_xid on partner_preferences (xid);
create trigger partner_preferences_touch before update on partner_preferences for each row execute function partnering_touch();

-- A request to introduce two actors. A member's own request is accepted by its side when made;
-- one a coordinator brokers waits for both sides. Contact details are shown once both accepted.
create table introductions (
  id bigint generated always as identity primary key,
  requester_actor bigint not null references actors(id) on delete cascade,
  target_actor bigint not null references actors(id) on delete cascade,
  check (requester_actor <> target_actor),
  pair_low bigint generated always as (least(requester_actor, target_actor)) stored,
  pair_high bigint generated always as (greatest(requester_actor, target_actor)) stored,
  origin text not null check (origin in ('brokered', 'self_initiated')),
  requested_by bigint references users(id) on delete set null,
  message text not null,
  status text not null default 'pending' check (status in ('pending', 'accepted', 'declined', 'expired', 'withdrawn')),
  requester_accepted_at timestamptz,
  requester_answered_by bigint references users(id) on delete set null,
  requester_reply text,
  target_accepted_at timestamptz,
  target_answered_by bigint references users(id) on delete set null,
  target_reply text,
  declined_by_actor bigint references actors(id) on delete set null,
  reminded_at timestamptz,
  expires_at timestamptz not null,
  decided_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  xid xid8 not null default pg_current_xact_id()
);
-- One open request per pair, whoever asked: a second one while it waits is refused by the database.
create unique index introductions_one_pending on introductions (pair_low, pair_high) where status = 'pending';
create index introductions_pair on introductions (pair_low, pair_high, status);
create index introductions_requester on introductions (requester_actor, created_at desc);
create index introductions_target on introductions (target_actor, created_at desc);
create index introductions_requested_by on introductions (requested_by, created_at desc);
create index introductions_xid on introductions (xid);
create trigger introductions_touch before update on introductions for each row execute function partnering_touch();

-- A tie between two actors (actor_a < actor_b): the raw material of the network analytics.
create table ties (
  id bigint generated always as identity primary key,
  actor_a bigint not null references actors(id) on delete cascade,
  actor_b bigint not null references actors(id) on delete cascade,
  check (actor_a < actor_b),
  kind text not null check (kind in ('introduction', 'met_at_format', 'cooperation', 'project_partnership', 'lab_partnership', 'co_authorship')),
  origin text not null check (origin in ('brokered', 'self_initiated')),
  status text not null default 'active' check (status in ('proposed', 'active', 'ended', 'declined')),
  proposed_by_actor bigint references actors(id) on delete set null,
  proposed_by bigint references users(id) on delete set null,
  confirmed_by bigint references users(id) on delete set null,
  introduction_id bigint references introductions(id) on delete set null,
  since date not null,
  ended_on date,
  check (ended_on is null or ended_on >= since),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  xid xid8 not null default pg_current_xact_id()
);
-- One open tie of a kind per pair (proposed or active); ended ones stay as history.
create unique index ties_one_open on ties (actor_a, actor_b, kind) where status in ('proposed', 'active');
create index ties_actor_a on ties (actor_a);
create index ties_actor_b on ties (actor_b);
create index ties_xid on ties (xid);
create trigger ties_touch before update on ties for each row execute function partnering_touch();

-- "Not relevant": a suggestion an actor's member dismissed is not suggested to that actor again.
create table suggestion_dismissals (
  actor_id bigint not null references actors(id) on delete cascade,
  candidate_id bigint not null references actors(id) on delete cascade,
  dismissed_by bigint references users(id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (actor_id, candidate_id)
);
