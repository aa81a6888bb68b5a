-- Formats (issue 6): the initiative's events from invitation to registration, waitlist and attendance.
-- Capacity is kept by the database: a trigger counts the seats taken on the format row, and a check
-- constraint refuses a count above the capacity, whoever writes (page, API, a job, a cascade).

create table formats (
  id bigint generated always as identity primary key,
  -- Permanent: calendar entries (UID) and links keep pointing here when the title or slug changes.
  uid uuid not null unique default gen_random_uuid(),
  slug text not null unique,
  kind text not null check (kind in ('werkstattgespraech', 'perspektivenwerkstatt', 'praxiswerkstatt', 'erfahrungsaustausch', 'stadtlabor_session', 'impulslabor', 'fachkonferenz', 'other')),
  title text not null,
  teaser text not null default '',
  description text not null default '',
  -- Timed items [{ "time": "10:00", "title": "…" }], read and written whole with the format.
  agenda jsonb not null default '[]'::jsonb check (jsonb_typeof(agenda) = 'array' and jsonb_array_length(agenda) <= 100),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  check (ends_at > starts_at),
  mode text not null check (mode in ('on_site', 'digital', 'hybrid')),
  venue text,
  place_id integer references places(id),
  online_link text,
  action_fields text[] not null default '{}'
    check (action_fields <@ array['neighbourhood', 'inner_city', 'small_towns', 'rural']::text[]),
  capacity integer check (capacity is null or capacity between 1 and 100000),
  seats_taken integer not null default 0 check (seats_taken >= 0),
  constraint formats_capacity_kept check (capacity is null or seats_taken <= capacity),
  registration_opens_at timestamptz,
  registration_closes_at timestamptz,
  check (registration_closes_at is null or registration_opens_at is null or registration_closes_at > registration_opens_at),
  -- At most this share (per cent of the capacity) from one sector; beyond it people wait.
  max_sector_share integer check (max_sector_share is null or max_sector_share between 10 and 100),
  check (max_sector_share is null or capacity is not null),
  status text not null default 'draft' check (status in ('draft', 'published', 'cancelled')),
  -- iCalendar SEQUENCE: raised with every change a calendar shows (time, place, title, cancellation).
  sequence integer not null default 0,
  created_by bigint references users(id) on delete set null,
  updated_by bigint references users(id) on delete set null,
  published_at timestamptz,
  cancelled_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index formats_listed on formats (status, starts_at);
create index formats_kind on formats (kind, starts_at);
create index formats_action_fields on formats using gin (action_fields);

-- Organisations that host a format (shown on its page) and people a coordinator named to run it.
create table format_hosts (
  format_id bigint not null references formats(id) on delete cascade,
  actor_id bigint not null references actors(id) on delete cascade,
  primary key (format_id, actor_id)
);
create index format_hosts_actor on format_hosts (actor_id);

create table format_editors (
  format_id bigint not null references formats(id) on delete cascade,
  user_id bigint not null references users(id) on delete cascade,
  primary key (format_id, user_id)
);
create index format_editors_user on format_editors (user_id);

-- A member (user_id) or a guest registers; organisation and sector are kept as given at the time,
-- so the sector mix and the participant list do not change when a profile does.
create table registrations (
  id bigint generated always as identity primary key,
  format_id bigint not null references formats(id) on delete cascade,
  user_id bigint references users(id) on delete cascade,
  actor_id bigint references actors(id) on delete set null,
  name text not null,
  email text not null,
  organisation text,
  sector text not null check (sector in ('housing_industry', 'municipality', 'welfare', 'civil_society', 'creative_culture', 'other')),
  status text not null check (status in ('unconfirmed', 'registered', 'waitlisted', 'cancelled')),
  -- A guest confirms by mail; members are confirmed by their account.
  confirm_expires_at timestamptz,
  check (status <> 'unconfirmed' or confirm_expires_at is not null),
  -- Mails go out in the language the person registered in.
  locale text not null default 'de' check (locale in ('de', 'en')),
  waitlisted_at timestamptz,
  promoted_at timestamptz,
  attended_at timestamptz,
  cancelled_at timestamptz,
  reminded_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
-- Once per person and format: a second registration while the first stands is refused by the database.
create unique index registrations_one_per_user on registrations (format_id, user_id) where user_id is not null and status <> 'cancelled';
create unique index registrations_one_per_email on registrations (format_id, lower(email)) where status <> 'cancelled';
create index registrations_format on registrations (format_id, status, waitlisted_at, id);
create index registrations_user on registrations (user_id) where user_id is not null;
create index registrations_actor on registrations (actor_id) where actor_id is not null;

-- Seats taken = registrations with status 'registered'; the format's check constraint does the rest.
create function registrations_count_seats() returns trigger language plpgsql as $$
declare
  before_seat integer := case when tg_op in ('UPDATE', 'DELETE') and old.status = 'registered' then 1 else 0 end;
  after_seat integer := case when tg_op in ('INSERT', 'UPDATE') and new.status = 'registered' then 1 else 0 end;
begin
  if tg_op = 'UPDATE' and old.format_id <> new.format_id then
    raise exception 'a registration does not move to another format';
  end if;
  if after_seat <> before_seat then
    update formats set seats_taken = seats_taken + after_seat - before_seat
     where id = coalesce(new.format_id, old.format_id);
  end if;
  return null;
end
$$;
create trigger registrations_count_seats after insert or update of status or delete on registrations
  for each row execute function registrations_count_seats();
