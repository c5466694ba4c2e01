-- Every reservation and every release updates its spans' rows in span_capacity, and a busy span's row
-- takes thousands of updates a minute; every reservation inserts rows into reservation that its release
-- deletes. With the defaults, the dead row versions pile up between autovacuum's passes (a table is
-- vacuumed once 20 % of it is dead, and span_capacity is a few hundred rows), and each update of a busy
-- row wades through them: P5 on the store (64 clients, one span) peaked at 855 order cycles/s and fell to
-- 505 within two minutes (2026-12-03). Half-full pages leave room for an updated row on its own page
-- (a HOT update: no new index entry), and both tables are vacuumed after every 1,000 dead rows whatever
-- their size: 811-929 cycles/s over the same two minutes in one run, 814-834 for a minute then 562-681
-- in the next.
ALTER TABLE span_capacity SET (fillfactor = 50, autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000);
ALTER TABLE reservation SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000);
