-- Matches in the name now come from the directory index (the name's words, weight A, ADR 0007);
-- a phrase's are found among its matches. The expression index cost every write a second
-- to_tsvector of the name.
drop index actors_name_fts;
