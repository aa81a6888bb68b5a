-- Formats (issue 6), second part: table plans and the documentation of results.

-- One seating plan per format: seats[round][table] = registration ids; pins are the hand edits the
-- generator keeps. Scores are stored as computed (ours, the best of 100 random plans, the bound).
create table table_plans (
  format_id bigint primary key references formats(id) on delete cascade,
  rounds smallint not null check (rounds between 1 and 12),
  tables smallint not null check (tables between 1 and 2000),
  seats jsonb not null check (jsonb_typeof(seats) = 'array'),
  pins jsonb not null default '[]'::jsonb check (jsonb_typeof(pins) = 'array'),
  score jsonb not null,
  baseline jsonb,
  bound jsonb,
  generated_at timestamptz not null default now(),
  updated_by bigint references users(id) on delete set null,
  updated_at timestamptz not null default now()
);

-- Results as Markdown (rendered sanitised), public or for members only.
alter table formats add column results text not null default '';
alter table formats add column results_visibility text not null default 'public' check (results_visibility in ('public', 'members'));

-- Short statements learned at a format; later linked to success factors as evidence.
create table format_insights (
  id bigint generated always as identity primary key,
  format_id bigint not null references formats(id) on delete cascade,
  text text not null check (length(text) between 1 and 1000),
  visibility text not null default 'public' check (visibility in ('public', 'members')),
  created_by bigint references users(id) on delete set null,
  created_at timestamptz not null default now()
);
create index format_insights_format on format_insights (format_id, id);

-- Photos, graphic recordings and files of a format; images always with alt text and credit.
create table format_media (
  id bigint generated always as identity primary key,
  format_id bigint not null references formats(id) on delete cascade,
  file_id bigint not null references files(id) on delete cascade,
  kind text not null check (kind in ('photo', 'graphic_recording', 'file')),
  title text not null default '',
  alt text,
  credit text,
  check (kind = 'file' or (alt is not null and length(alt) > 0 and credit is not null and length(credit) > 0)),
  visibility text not null default 'public' check (visibility in ('public', 'members')),
  created_by bigint references users(id) on delete set null,
  created_at timestamptz not null default now()
);
create index format_media_format on format_media (format_id, id);
create index format_media_file on format_media (file_id);
