-- The directory keeps a copy of every actor's words and facet values in the app, to count a
-- search's matches and facets without reading every matching row (ADR 0007). The copy stays
-- current by reading which actors changed in transactions committed since its last snapshot
-- (pg_visible_in_snapshot): a transaction that commits late is not missed.
create table actor_changes (
  xid xid8 not null default pg_current_xact_id(),
  actor_id bigint not null,
  changed_at timestamptz not null default now()
);
create index actor_changes_xid on actor_changes (xid);

create function actors_written() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    insert into actor_changes (actor_id) select id from old_rows;
  else
    insert into actor_changes (actor_id) select id from new_rows;
  end if;
  return null;
end
$$;

create trigger actors_written_insert after insert on actors
  referencing new table as new_rows for each statement execute function actors_written();
create trigger actors_written_update after update on actors
  referencing new table as new_rows for each statement execute function actors_written();
create trigger actors_written_delete after delete on actors
  referencing old table as old_rows for each statement execute function actors_written();
