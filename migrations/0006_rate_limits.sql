-- Rate-limit counters live in the database so that every app instance sees the same counts.
create table rate_limits (
  key text primary key,
  count integer not null,
  window_start timestamptz not null
);
create index rate_limits_window_idx on rate_limits (window_start);
