-- Actors: the organisations and people of the network, where they are, what they offer and need.
-- Search design: docs/adr/0006-directory-search.md.

create extension if not exists pg_trgm;

-- German municipalities and places from the offline gazetteer (loaded by the places seed step).
create table places (
  id integer primary key,                 -- GeoNames id
  name text not null,
  municipality_key text,                  -- Amtlicher Gemeindeschlüssel (8 digits)
  state_code text not null,               -- ISO 3166-2:DE suffix: BW, BY, BE …
  district text,
  latitude double precision not null,
  longitude double precision not null,
  population integer not null default 0,
  postcodes text[] not null default '{}'
);
create index places_name_trgm on places using gin (lower(name) gin_trgm_ops);
-- Name prefixes as you type: on a table this small the planner scans rather than use the trigram
-- index, which in PGlite costs ~20 ms per keystroke; a btree range answers in well under 1 ms.
create index places_name_prefix on places (lower(name) text_pattern_ops);
create index places_municipality_key on places (municipality_key);
create index places_postcodes on places using gin (postcodes);

-- The offers/needs vocabulary (curated) and the free tags members add.
create table tags (
  id integer generated always as identity primary key,
  label text not null,
  label_en text,
  normalized text not null unique,        -- lower-case label, whitespace collapsed: one tag per spelling
  curated boolean not null default false, -- part of the coordinators' shared vocabulary
  created_at timestamptz not null default now()
);

-- Uploaded files (logos, photos, later documents) live in the database: the app keeps no state.
create table files (
  id bigint generated always as identity primary key,
  content_type text not null,
  byte_size integer not null check (byte_size > 0),
  sha256 text not null,
  width integer,
  height integer,
  data bytea not null,
  created_by bigint references users(id) on delete set null,
  created_at timestamptz not null default now()
);

create table actors (
  id bigint generated always as identity primary key,
  slug text not null unique,
  kind text not null check (kind in ('organisation', 'person')),
  name text not null,
  sector text not null check (sector in ('housing_industry', 'municipality', 'welfare', 'civil_society', 'creative_culture', 'other')),
  action_fields text[] not null default '{}'
    check (action_fields <@ array['neighbourhood', 'inner_city', 'small_towns', 'rural']::text[]),
  place_id integer references places(id),
  state_code text,                        -- copied from the place: the state facet without a join
  latitude double precision,
  longitude double precision,
  summary text not null default '',
  description text not null default '',
  expertise text not null default '',
  website text,
  links text[] not null default '{}',
  contact_name text,
  contact_email text,
  contact_phone text,
  image_file_id bigint references files(id) on delete set null,
  image_alt text,
  image_credit text,
  check (image_file_id is null or (image_alt is not null and image_credit is not null)),
  visibility text not null default 'public' check (visibility in ('public', 'members', 'hidden')),
  status text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
  review_note text,
  external_id text unique,
  offer_ids integer[] not null default '{}',  -- tags.id; arrays make facet counts one scan (ADR 0006)
  need_ids integer[] not null default '{}',
  search_text text not null default '',       -- lower-case name, offers, needs, expertise, summary: trigram matching
  search_vector tsvector not null default ''::tsvector,
  merged_into bigint references actors(id) on delete set null,
  created_by bigint references users(id) on delete set null,
  approved_by bigint references users(id) on delete set null,
  approved_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index actors_search_vector on actors using gin (search_vector);
create index actors_search_text_trgm on actors using gin (search_text gin_trgm_ops);
create index actors_name_trgm on actors using gist (lower(name) gist_trgm_ops);
create index actors_name_fts on actors using gin (to_tsvector('german'::regconfig, name)); -- name matches of a common word (ADR 0006)
create index actors_offer_ids on actors using gin (offer_ids);
create index actors_need_ids on actors using gin (need_ids);
create index actors_action_fields on actors using gin (action_fields);
-- The facet columns included: facet counts without a search text read this index only (ADR 0006).
create index actors_listed on actors (status, visibility, sector, state_code) include (merged_into, action_fields, offer_ids, need_ids);
create index actors_created_at on actors (created_at desc, id desc);
create index actors_name_order on actors (lower(name), id);
create index actors_place on actors (place_id);
-- The map's columns: the GeoJSON of every listed actor reads this index only, not the wide rows
-- (issue 4: 100,000 actors in ≤ 300 ms; a sequential scan of the table alone took a third of that).
create index actors_on_map on actors (status, visibility) include (merged_into, sector, state_code, latitude, longitude, place_id, id, slug, name)
  where latitude is not null and longitude is not null;
-- GET /dateien/:id finds the file's actor, and deleting a file sets its reference to null.
create index actors_image_file on actors (image_file_id) where image_file_id is not null;

-- People behind an actor: organisation admins and members, and requests to join (status pending).
create table actor_members (
  actor_id bigint not null references actors(id) on delete cascade,
  user_id bigint not null references users(id) on delete cascade,
  role text not null default 'member' check (role in ('admin', 'member')),
  status text not null default 'active' check (status in ('active', 'pending')),
  message text,
  decided_by bigint references users(id) on delete set null,
  decided_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (actor_id, user_id)
);
create index actor_members_user on actor_members (user_id);

-- Keeps both search columns in step with the row and its tags, whoever writes it.
create function actors_search_refresh() returns trigger language plpgsql as $$
declare
  tag_labels text;
begin
  select coalesce(string_agg(label || coalesce(' ' || label_en, ''), ' '), '') into tag_labels
    from tags where id = any(new.offer_ids || new.need_ids);
  new.search_vector :=
    setweight(to_tsvector('german'::regconfig, new.name), 'A') ||
    setweight(to_tsvector('german'::regconfig, tag_labels), 'B') ||
    setweight(to_tsvector('german'::regconfig, new.summary || ' ' || new.expertise), 'C') ||
    setweight(to_tsvector('german'::regconfig, left(new.description, 20000)), 'D');
  new.search_text := lower(new.name || ' ' || tag_labels || ' ' || new.expertise || ' ' || new.summary);
  return new;
end
$$;

create trigger actors_search_refresh before insert or update of name, summary, description, expertise, offer_ids, need_ids
  on actors for each row execute function actors_search_refresh();
