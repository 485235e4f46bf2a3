-- Governance registry: constraints keep the records true and say clearly what
-- is wrong; seed rows and user rows are told apart.
SET client_min_messages = warning;
SET datestyle = ISO;
\set SHOW_CONTEXT never

-- A user row: the Philippines as GFMD member in 2020–2021 (no overlap with the seed row "as of 2019").
INSERT INTO iscm.participations (mechanism, state, role, start_date, end_date, source)
VALUES ('GFMD', 'Philippines', 'member', '2020', '2021', 'test: user row')
RETURNING id >= 1000000 AS user_id_range, start_basis, end_basis, period, certain, possible, is_seed;

-- Overlapping periods of one participant in one role: 23P01 naming both periods.
INSERT INTO iscm.participations (mechanism, state, role, start_date, end_date, source)
VALUES ('GFMD', 'PHL', 'member', '2018-06', '2019-03', 'test: overlaps the seed row');
\echo :LAST_ERROR_SQLSTATE
UPDATE iscm.participations SET start_date = '2019-12' WHERE source = 'test: user row';
\echo :LAST_ERROR_SQLSTATE
-- Another role, or another mechanism, is no overlap.
INSERT INTO iscm.participations (mechanism, state, role, start_date, start_basis, source)
VALUES ('GFMD', 'Philippines', 'observer', '2019-03', 'began', 'test: other role');

-- A participant is a State or an organization, not both, not neither.
-- (terse: the failing row would show sequence-generated ids)
\set VERBOSITY terse
INSERT INTO iscm.participations (mechanism, state, organization, role, start_date, source)
VALUES ('GFMD', 'Mexico', 'IOM', 'member', '2010', 'test: both');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO iscm.participations (mechanism, role, start_date, source)
VALUES ('GFMD', 'member', '2010', 'test: neither');
\echo :LAST_ERROR_SQLSTATE

\set VERBOSITY default
-- The end may not lie wholly before the start (same year at different precision is fine).
INSERT INTO iscm.participations (mechanism, state, role, start_date, end_date, source)
VALUES ('IGC', 'Canada', 'member', '2010', '2009-12-31', 'test: end before start');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO iscm.participations (mechanism, state, role, start_date, end_date, source)
VALUES ('IGC', 'Canada', 'member', '2010-06', '2010', 'test: same year')
RETURNING period;

-- Unknown role, unknown mechanism, unknown organization.
INSERT INTO iscm.participations (mechanism, state, role, start_date, source)
VALUES ('IGC', 'Canada', 'memebr', '2012', 'test: typo');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO iscm.participations (mechanism, state, role, start_date, source)
VALUES ('IGCC', 'Canada', 'member', '2012', 'test: typo');
\echo :LAST_ERROR_SQLSTATE
-- Unknown country: the country type's own error.
INSERT INTO iscm.participations (mechanism, state, role, start_date, source)
VALUES ('IGC', 'Canadia', 'member', '2012', 'test: typo');
\echo :LAST_ERROR_SQLSTATE

-- Bad partial dates.
SELECT '2007-13'::iscm.partial_date;
\echo :LAST_ERROR_SQLSTATE
SELECT '2007-02-30'::iscm.partial_date;
\echo :LAST_ERROR_SQLSTATE
SELECT '2008-02-29'::iscm.partial_date AS leap_day;
SELECT 'June 2007'::iscm.partial_date;
\echo :LAST_ERROR_SQLSTATE
SELECT '07'::iscm.partial_date;
\echo :LAST_ERROR_SQLSTATE
SELECT '0000'::iscm.partial_date;
\echo :LAST_ERROR_SQLSTATE
INSERT INTO iscm.participations (mechanism, state, role, start_date, source)
VALUES ('IGC', 'Canada', 'member', '2012-00', 'test: month 00');
\echo :LAST_ERROR_SQLSTATE
SELECT iscm.period_range('2007', 'began', '2008', 'ended', 'probable');
\echo :LAST_ERROR_SQLSTATE

-- Chairs: one holder may not hold overlapping terms in one role; co-chairs are fine.
INSERT INTO iscm.chairs (mechanism, holder_state, start_date, end_date, source)
VALUES ('GFMD', 'Philippines', '2008-06', '2009-06', 'test: overlapping term');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO iscm.chairs (mechanism, holder_state, role, start_date, end_date, source)
VALUES ('GFMD', 'Greece', 'co-chair', '2008-06', '2009-06', 'test: co-chair')
RETURNING role, period;
\set VERBOSITY terse
INSERT INTO iscm.chairs (mechanism, holder_state, holder_organization, start_date, source)
VALUES ('GMG', 'Mexico', 'IOM', '2019', 'test: two holders');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO iscm.chairs (mechanism, holder_state, holder_unknown, start_date, source)
VALUES ('GMG', 'Mexico', true, '2019', 'test: unknown with a holder');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO iscm.chairs (mechanism, start_date, source)
VALUES ('GMG', '2019', 'test: no holder, not marked unknown');
\echo :LAST_ERROR_SQLSTATE
\set VERBOSITY default
INSERT INTO iscm.chairs (mechanism, holder_unknown, start_date, end_date, source)
VALUES ('GMG', true, '2019', '2019', 'test: unknown 2019 term')
RETURNING holder_unknown, period;

-- Events: end before start, a child outside its parent, a parent cycle.
INSERT INTO iscm.events (code, mechanism, title, level, start_date, end_date, source)
VALUES ('TEST-1', 'GFMD', 'Test', 'summit', '2009-11-04', '2009-11-02', 'test');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO iscm.events (code, mechanism, parent, title, level, start_date, source)
VALUES ('TEST-2', 'GFMD', 'GFMD-2007', 'Test round table', 'round table', '2007-08-01', 'test');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO iscm.events (code, mechanism, title, level, start_date, source)
VALUES ('TEST-A', 'GFMD', 'Test A', 'summit', '2009', 'test'), ('TEST-B', 'GFMD', 'Test B', 'round table', '2009', 'test');
UPDATE iscm.events SET parent = 'TEST-A' WHERE code = 'TEST-B';
UPDATE iscm.events SET parent = 'TEST-B' WHERE code = 'TEST-A';
\echo :LAST_ERROR_SQLSTATE
\set VERBOSITY terse
INSERT INTO iscm.event_participants (event, role, source) VALUES ('TEST-A', 'host', 'test: nobody');
\echo :LAST_ERROR_SQLSTATE
\set VERBOSITY default
INSERT INTO iscm.event_participants (event, person, role, source) VALUES ('TEST-A', 'A. Person', 'speaker', 'test')
RETURNING id >= 1000000 AS user_id_range, tentative;

-- Seed rows are read-only and only the install script adds them.
UPDATE iscm.mechanisms SET note = 'edited' WHERE code = 'GFMD';
\echo :LAST_ERROR_SQLSTATE
DELETE FROM iscm.chairs WHERE mechanism = 'GFMD';
\echo :LAST_ERROR_SQLSTATE
INSERT INTO iscm.organizations (code, name, kind, source, is_seed) VALUES ('X', 'X', 'other', 'test', true);
\echo :LAST_ERROR_SQLSTATE
\set VERBOSITY terse
INSERT INTO iscm.participations (id, mechanism, state, role, start_date, end_date, source)
VALUES (51, 'IGC', 'Canada', 'member', '2012', '2012', 'test: id in the seed range');
\echo :LAST_ERROR_SQLSTATE
\set VERBOSITY default
-- User rows can be changed and deleted.
UPDATE iscm.participations SET note = 'edited' WHERE source = 'test: user row' RETURNING note;

-- A theme mapping says whether it is an editorial reading or stated by a
-- source, and names its source.
\set VERBOSITY terse
INSERT INTO iscm.theme_mappings (theme_id, framework, code, basis, source)
VALUES (1, 'GCM', '23', 'guess', 'test');
INSERT INTO iscm.theme_mappings (theme_id, framework, code, basis, source)
VALUES (1, 'GCM', '23', 'editorial', ' ');
INSERT INTO iscm.theme_mappings (theme_id, framework, code, basis)
VALUES (1, 'GCM', '23', 'stated');
\set VERBOSITY default
INSERT INTO iscm.theme_mappings (theme_id, framework, code, basis, source)
VALUES (1, 'GCM', '23', 'stated', 'test: a report tagging the theme with objective 23')
RETURNING theme_id, framework, code, basis, is_seed;
SELECT mechanism, code, themes, stated_mappings FROM iscm.theme_coverage
 WHERE mechanism = 'GFMD' AND framework = 'GCM' AND code = '23';
DELETE FROM iscm.theme_mappings WHERE NOT is_seed;

-- Function arguments are checked.
SELECT * FROM iscm.chair_on('Global Forum on Migration', '2008-01-01');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM iscm.troika_on('GFMD', '2008-01-01', 'likely');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM iscm.participants_on('GFMD', '2019-01-01', 'members');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM iscm.states_in_at_least(0, '2019-01-01');
\echo :LAST_ERROR_SQLSTATE

-- pg_dump keeps user rows only: every registry table is a configuration table
-- dumped WHERE NOT is_seed, and the id sequences are dumped too.
SELECT c.relname, coalesce(nullif(x.cond, ''), '(all)') AS dump_condition
  FROM pg_extension e,
       unnest(e.extconfig, e.extcondition) AS x(oid, cond)
  JOIN pg_class c ON c.oid = x.oid
 WHERE e.extname = 'iscm'
   AND c.relname IN ('organizations', 'mechanisms', 'mechanism_aliases', 'mechanism_claims', 'mechanism_claims_id_seq',
                     'mechanism_relations', 'mechanism_relations_id_seq', 'structures', 'participations', 'participations_id_seq',
                     'chairs', 'chairs_id_seq', 'events', 'event_participants', 'event_participants_id_seq', 'themes',
                     'themes_id_seq', 'theme_mappings', 'participation_roles', 'event_levels', 'event_roles', 'framework_items')
 ORDER BY 1;
-- Every table of the registry with an is_seed column is registered.
SELECT c.relname AS unregistered
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'is_seed'
 WHERE n.nspname = 'iscm' AND c.relkind = 'r'
   AND c.oid NOT IN (SELECT unnest(extconfig) FROM pg_extension WHERE extname = 'iscm');

-- User rows are told apart from seed rows in every report.
SELECT mechanism, alpha3, role, period, is_seed FROM iscm.membership_report
 WHERE alpha3 = 'PHL' ORDER BY first_day, role;

-- Clean up the user rows of this test.
DELETE FROM iscm.event_participants WHERE NOT is_seed;
DELETE FROM iscm.events WHERE code = 'TEST-B';
DELETE FROM iscm.events WHERE NOT is_seed;
DELETE FROM iscm.chairs WHERE NOT is_seed;
DELETE FROM iscm.participations WHERE NOT is_seed;
SELECT count(*) AS user_rows_left FROM iscm.participations WHERE NOT is_seed;

-- A hostile search_path cannot hijack the functions (they pin pg_catalog, pg_temp).
CREATE SCHEMA hostile;
CREATE FUNCTION hostile.lower(text) RETURNS text LANGUAGE sql AS $$ SELECT 'hijacked' $$;
CREATE FUNCTION hostile.upper(anyrange) RETURNS date LANGUAGE sql AS $$ SELECT date '1900-01-01' $$;
SET search_path = hostile, pg_catalog, public;
SELECT iscm.mechanism_code('gfmd') AS code, (SELECT array_agg(holders[1]) FROM iscm.troika_on('gfmd', '2008-10-29')) AS troika,
       (SELECT last_day FROM iscm.chair_timeline('GFMD') WHERE term = 1) AS last_day_2007;
RESET search_path;
DROP SCHEMA hostile CASCADE;

