-- Platform: settings, background jobs, mail outbox, audit log.

create table app_settings (
  key text primary key,
  value text not null,
  updated_at timestamptz not null default now()
);

create table jobs (
  id bigint generated always as identity primary key,
  name text not null,
  payload jsonb not null default '{}'::jsonb,
  run_at timestamptz not null default now(),
  attempts integer not null default 0,
  max_attempts integer not null default 8,
  locked_at timestamptz,
  locked_by text,
  last_error text,
  done_at timestamptz,
  failed_at timestamptz,
  created_at timestamptz not null default now()
);
-- The worker's claim query scans only pending jobs in due order.
create index jobs_pending_idx on jobs (run_at) where done_at is null and failed_at is null;

create table mail_outbox (
  id bigint generated always as identity primary key,
  recipient text not null,
  subject text not null,
  text_body text not null,
  html_body text not null,
  locale text not null,
  created_at timestamptz not null default now()
);
create index mail_outbox_created_idx on mail_outbox (created_at desc);

create table audit_log (
  id bigint generated always as identity primary key,
  actor_user_id bigint,
  actor_label text not null,
  action text not null,
  subject_user_id bigint,
  subject_label text,
  details jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now()
);
create index audit_log_created_idx on audit_log (created_at desc);
