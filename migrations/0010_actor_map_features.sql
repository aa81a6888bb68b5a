-- The map's GeoJSON feature of each actor with coordinates, as JSON text written when the actor is:
-- the GeoJSON of every actor is then one string_agg over an index, not 90,000 rows of string
-- building (at 100,000 actors 460 ms → ≈ 60 ms on PostgreSQL, issue 4: ≤ 300 ms). Coordinates are
-- rounded to 5 decimals (about a metre), enough for a map of Germany; sectors need no escaping
-- (a checked vocabulary); the place's name is the gazetteer's, which does not change.
alter table actors add column map_feature text;

create function actors_map_feature() returns trigger language plpgsql as $$
begin
  new.map_feature := case when new.latitude between -90 and 90 and new.longitude between -180 and 180 then
    '{"type":"Feature","id":' || new.id
    || ',"geometry":{"type":"Point","coordinates":[' || round(new.longitude * 1e5::float8) / 1e5::float8 || ',' || round(new.latitude * 1e5::float8) / 1e5::float8
    || ']},"properties":{"slug":' || to_json(new.slug)::text || ',"name":' || to_json(new.name)::text || ',"sector":"' || new.sector
    || '","place":' || coalesce((select to_json(p.name)::text from places p where p.id = new.place_id), 'null') || '}}'
  end;
  return new;
end
$$;

create trigger actors_map_feature before insert or update of slug, name, sector, latitude, longitude, place_id
  on actors for each row execute function actors_map_feature();

update actors set latitude = latitude where latitude is not null;

-- The map's columns, the feature text included: the GeoJSON and the counts per state of every
-- listed actor read this index only, not the wide rows.
drop index actors_on_map;
create index actors_on_map on actors (status, visibility) include (merged_into, sector, state_code, latitude, longitude, place_id, id, slug, name, map_feature)
  where latitude is not null and longitude is not null;

-- Matches in the name now come from the directory index (the name's words, weight A, ADR 0007);
-- a phrase's are found among its matches. The expression index cost every write a second
-- to_tsvector of the name.
drop index actors_name_fts;
