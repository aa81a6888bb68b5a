-- The initiative's public profile and its timeline.

create table initiative (
  id smallint primary key default 1 check (id = 1),
  name text not null,
  claim_de text not null,
  claim_en text not null,
  idea_de text not null,
  idea_en text not null,
  goals_de text not null,
  goals_en text not null,
  carrier text not null,
  carrier_short text not null,
  initiator text not null,
  programme text not null,
  website text not null,
  start_year integer not null,
  end_year integer,
  status text not null check (status in ('planned', 'running', 'completed')),
  image_alt_de text,
  image_alt_en text,
  image_credit text,
  updated_at timestamptz not null default now()
);

create table initiative_milestones (
  id bigint generated always as identity primary key,
  slug text not null unique,
  year integer not null,
  sort integer not null default 0,
  format_kind text,
  place text,
  title_de text not null,
  title_en text not null,
  text_de text not null,
  text_en text not null,
  credit text
);
create index initiative_milestones_year_idx on initiative_milestones (year, sort);
