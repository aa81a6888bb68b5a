-- CSV imports of actors by coordinators: the checked file waits here until a coordinator starts the
-- import, which then runs as a background job that writes its progress and outcome back.
create table actor_imports (
  id bigint generated always as identity primary key,
  created_by bigint references users(id) on delete set null,
  created_by_label text not null,             -- kept as text: the audit trail outlives the account
  locale text not null default 'de',          -- the language of the report's messages
  filename text not null,
  byte_size integer not null,
  data bytea,                                 -- the uploaded file; removed once it has run
  status text not null check (status in ('checked', 'queued', 'running', 'done', 'failed')),
  phase text,                                 -- while running: reading, checking, writing
  processed integer not null default 0,
  total integer not null default 0,
  report jsonb not null,                      -- the dry run's report, then the import's
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  finished_at timestamptz
);
create index actor_imports_created_at on actor_imports (created_at desc);
