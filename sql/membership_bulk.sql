-- Bulk loading of participations: COPY and multi-row statements go through
-- the same checks as single rows (end before start, overlapping periods of
-- one participant in one role, a source on every row), and a statement of
-- many rows that fails names the row that broke the rule.
SET client_min_messages = warning;
SET datestyle = ISO;
\set SHOW_CONTEXT never
INSERT INTO iscm.mechanisms (code, name, kind, founded, source)
VALUES ('BULK-TEST', 'Bulk loading test mechanism', 'regional consultative process', '1950', 'test');

-- A panel of 5,000 rows in one statement (more keys than the per-key locks
-- take: the table's key is locked instead) is loaded with its bases filled.
-- (explicit ids, so that the messages below name the same rows whatever ran before)
INSERT INTO iscm.participations (id, mechanism, state, role, start_date, end_date, source)
SELECT 8000000 + 100 * c.pos + y, 'BULK-TEST', c.alpha3::iscm.country, 'member', (1950 + 2 * y)::text, CASE WHEN y < 19 THEN (1951 + 2 * y)::text END,
       'test panel ' || c.alpha3 || ' ' || y
  FROM (SELECT alpha3, row_number() OVER (ORDER BY alpha3) AS pos
          FROM iscm.countries WHERE NOT is_former AND alpha3 IS NOT NULL ORDER BY alpha3 LIMIT 250) c,
       generate_series(0, 19) y;
SELECT count(*) AS rows, count(*) FILTER (WHERE start_basis = 'began') AS began,
       count(*) FILTER (WHERE end_basis = 'ended') AS ended, count(*) FILTER (WHERE end_date IS NULL) AS open,
       min(lower(period)) AS first_day, max(upper(period)) AS day_after_last_end
  FROM iscm.participations WHERE mechanism = 'BULK-TEST';

-- (psql sets no LAST_ERROR_SQLSTATE for a COPY FROM STDIN; the multi-row
-- INSERT and UPDATE below show the codes of the same checks.)
-- COPY of many rows with one that overlaps a stored row: 23P01, nothing
-- loaded, and the detail names the offending row (id and source) besides the
-- stored row it overlaps.
COPY iscm.participations (id, mechanism, state, role, start_date, end_date, source) FROM STDIN (FORMAT csv);
9000001,BULK-TEST,FRA,observer,1990,1995,copy row 1
9000002,BULK-TEST,DEU,observer,1990,1995,copy row 2
9000003,BULK-TEST,ITA,observer,1990,1995,copy row 3
9000004,BULK-TEST,ESP,member,1988-06,1989,copy row 4 (overlaps 1988 .. 1989)
9000005,BULK-TEST,PRT,observer,1990,1995,copy row 5
\.
SELECT count(*) AS loaded FROM iscm.participations WHERE source LIKE 'copy row%';

-- Two rows of the same file that overlap each other: the later one is named.
COPY iscm.participations (id, mechanism, state, role, start_date, end_date, source) FROM STDIN (FORMAT csv);
9000011,BULK-TEST,FRA,observer,1990,1995,copy row 1
9000012,BULK-TEST,FRA,observer,1994-03,,copy row 2 (overlaps row 1)
9000013,BULK-TEST,ITA,observer,1990,1995,copy row 3
\.

-- The same file without the bad row loads.
COPY iscm.participations (id, mechanism, state, role, start_date, end_date, source) FROM STDIN (FORMAT csv);
9000021,BULK-TEST,FRA,observer,1990,1995,copy row 1
9000022,BULK-TEST,FRA,observer,1996-03,,copy row 2
9000023,BULK-TEST,ITA,observer,1990,1995,copy row 3
\.
SELECT id, iscm.alpha3(state), role, period, start_basis, end_basis FROM iscm.participations WHERE id BETWEEN 9000021 AND 9000023 ORDER BY id;

-- A row without a source, with a blank source, or ending before it starts
-- fails as a single row does (the COPY line is in the error's context).
COPY iscm.participations (id, mechanism, state, role, start_date, end_date, source) FROM STDIN (FORMAT csv);
9000031,BULK-TEST,NLD,observer,1990,1995,copy row 1
9000032,BULK-TEST,BEL,observer,1990,1995,
\.
COPY iscm.participations (id, mechanism, state, role, start_date, end_date, source) FROM STDIN (FORMAT csv);
9000041,BULK-TEST,NLD,observer,1990,1995,copy row 1
9000042,BULK-TEST,BEL,observer,1990,1995," "
\.
COPY iscm.participations (id, mechanism, state, role, start_date, end_date, source) FROM STDIN (FORMAT csv);
9000051,BULK-TEST,NLD,observer,1990,1995,copy row 1
9000052,BULK-TEST,BEL,observer,1995,1994-12,copy row 2 (ends before it starts)
\.

-- A multi-row UPDATE that makes two rows overlap fails naming the row.
UPDATE iscm.participations SET end_date = '1997' WHERE id IN (9000021, 9000023);
\echo :LAST_ERROR_SQLSTATE
-- and one that keeps them apart passes
UPDATE iscm.participations SET end_date = '1996-02' WHERE id IN (9000021, 9000023);
SELECT id, period FROM iscm.participations WHERE id IN (9000021, 9000023) ORDER BY id;

-- A single-row statement gets the message of 1.0, word for word.
INSERT INTO iscm.participations (mechanism, state, role, start_date, source)
VALUES ('BULK-TEST', 'ESP', 'member', '1989-02', 'single row');
\echo :LAST_ERROR_SQLSTATE

-- A statement of more than 1,000 rows is checked by one join (planned for
-- its rows) instead of index probes: same refusal, same naming.
INSERT INTO iscm.participations (id, mechanism, state, role, start_date, end_date, source)
SELECT 9100000 + 100 * c.pos + y, 'BULK-TEST', c.alpha3::iscm.country, 'observer', (1800 + 2 * y)::text, (1801 + 2 * y)::text,
       'test observer ' || c.alpha3 || ' ' || y
  FROM (SELECT alpha3, row_number() OVER (ORDER BY alpha3) AS pos
          FROM iscm.countries WHERE NOT is_former AND alpha3 IS NOT NULL ORDER BY alpha3 LIMIT 250) c,
       generate_series(0, 7) y
UNION ALL
SELECT 9200000, 'BULK-TEST', 'ITA', 'observer', '1994', '1996', 'test observer overlapping 9000023';
\echo :LAST_ERROR_SQLSTATE

-- Organizations are checked like States.
INSERT INTO iscm.participations (id, mechanism, organization, role, start_date, end_date, source)
VALUES (9000061, 'BULK-TEST', 'IOM', 'partner', '2000', '2005', 'org row 1'), (9000062, 'BULK-TEST', 'UNHCR', 'partner', '2000', '2005', 'org row 2'),
       (9000063, 'BULK-TEST', 'IOM', 'partner', '2005', NULL, 'org row 3');
\echo :LAST_ERROR_SQLSTATE

-- The C versions of the partial-date check and of period_range() answer as
-- the SQL versions did, errors included.
SELECT iscm.period_range('2007', 'attested', '2008-02', NULL, 'certain') AS certain,
       iscm.period_range(NULL, NULL, '2008', NULL, 'possible') AS possible,
       iscm.period_range('2007-06', 'began', '2007', NULL, 'certain') AS empty,
       iscm.period_range(NULL, NULL, NULL, NULL) AS undated;
SELECT iscm.period_range('2007', 'x', '2008', NULL);
SELECT iscm.period_range('2007', NULL, '2008', 'y');
SELECT iscm.period_range('2007', NULL, '2008', NULL, NULL);
SELECT '2008-02-29'::iscm.partial_date AS leap_day;
SELECT '2007-02-29'::iscm.partial_date;
SELECT '2007-13'::iscm.partial_date;
SELECT '0000'::iscm.partial_date;
SELECT '07-01'::iscm.partial_date;
\echo :LAST_ERROR_SQLSTATE

-- The row trigger refuses a table it cannot read (it is a function anyone
-- may attach to a table of their own): a missing column, a date that is not
-- text, a trigger of the wrong kind.
\set VERBOSITY default
CREATE TABLE bulk_no_state (mechanism text, organization text, start_date text, start_basis text, end_date text, end_basis text);
CREATE TRIGGER n BEFORE INSERT ON bulk_no_state FOR EACH ROW EXECUTE FUNCTION iscm._normalize_participation();
INSERT INTO bulk_no_state VALUES ('x', 'y', '2000', NULL, NULL, NULL);
\echo :LAST_ERROR_SQLSTATE
CREATE TABLE bulk_int_date (mechanism text, state iscm.country, organization text, start_date int, start_basis text, end_date text, end_basis text);
CREATE TRIGGER n BEFORE INSERT ON bulk_int_date FOR EACH ROW EXECUTE FUNCTION iscm._normalize_participation();
INSERT INTO bulk_int_date VALUES ('x', NULL, 'y', 2000, NULL, NULL, NULL);
\echo :LAST_ERROR_SQLSTATE
CREATE TABLE bulk_after (mechanism text, state iscm.country, organization text, start_date text, start_basis text, end_date text, end_basis text);
CREATE TRIGGER n AFTER INSERT ON bulk_after FOR EACH ROW EXECUTE FUNCTION iscm._normalize_participation();
INSERT INTO bulk_after VALUES ('x', NULL, 'y', '2000', NULL, NULL, NULL);
\echo :LAST_ERROR_SQLSTATE
DROP TABLE bulk_no_state, bulk_int_date, bulk_after;

DELETE FROM iscm.participations WHERE mechanism = 'BULK-TEST';
DELETE FROM iscm.mechanisms WHERE code = 'BULK-TEST';
