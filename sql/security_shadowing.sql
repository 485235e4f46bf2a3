-- Temporary tables are searched before every other schema unless pg_temp is
-- named later in the search_path.  A session's temp tables named like iscm's
-- tables must not change what iscm's functions and triggers read.
SET search_path = public;

-- An overlap check that read a temp "participations" would miss the stored
-- period and let the overlapping one in.
BEGIN;
CREATE TEMP TABLE participations (id bigint, mechanism text, state iscm.country, organization text, role text,
                                  period daterange, start_date text, start_basis text, end_date text,
                                  end_basis text, source text);
INSERT INTO iscm.participations (mechanism, state, role, start_date, end_date, source)
VALUES ('GFMD', 'Canada', 'member', '2015', '2016', 'shadowing test');
\set VERBOSITY terse
INSERT INTO iscm.participations (mechanism, state, role, start_date, end_date, source)
VALUES ('GFMD', 'Canada', 'member', '2016', '2017', 'shadowing test');
\set VERBOSITY default
\echo :LAST_ERROR_SQLSTATE
ROLLBACK;

-- A temp "events" of another shape must not break the parent check.
BEGIN;
CREATE TEMP TABLE events (id int, what text);
INSERT INTO iscm.events (code, mechanism, parent, title, level, start_date, source)
VALUES ('GFMD-2007-SHADOW', 'GFMD', 'GFMD-2007', 'Side event', 'side event', '2007-07-10', 'shadowing test');
SELECT code, parent FROM iscm.events WHERE code = 'GFMD-2007-SHADOW';
-- and a child outside its parent is still refused
INSERT INTO iscm.events (code, mechanism, parent, title, level, start_date, source)
VALUES ('GFMD-2007-LATE', 'GFMD', 'GFMD-2007', 'Side event', 'side event', '2007-08-01', 'shadowing test');
\echo :LAST_ERROR_SQLSTATE
ROLLBACK;

-- mechanism_code() reads iscm.mechanisms, not a temp "mechanisms".
BEGIN;
CREATE TEMP TABLE mechanisms (code text, acronym text, name text);
INSERT INTO mechanisms VALUES ('FAKE', 'FAKE', 'Fake mechanism');
SELECT iscm.mechanism_code('GFMD'), iscm.mechanism_code('Global Forum on Migration and Development');
\set VERBOSITY terse
SELECT iscm.mechanism_code('FAKE');
\set VERBOSITY default
\echo :LAST_ERROR_SQLSTATE
ROLLBACK;

-- A temp table named like an iscm type does not change the functions either.
BEGIN;
CREATE TEMP TABLE partial_date (bogus int);
CREATE TEMP TABLE country (bogus int);
SELECT iscm.period_label('2007', NULL, '2008-06', 'attested'),
       iscm.period_range('2007', NULL, '2008-06', 'attested', 'certain');
SELECT * FROM iscm.troika_on('GFMD', '2008-10-29');
ROLLBACK;
RESET search_path;

-- The country_set estimators read only country_set statistics: an operator of
-- someone else's types that names one of them gets the default estimate
-- (0.005), and never reads a text constant as a country_set.
BEGIN;
CREATE FUNCTION pg_temp.plan_rows(query text) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE plan json;
BEGIN
    EXECUTE 'EXPLAIN (FORMAT JSON) ' || query INTO plan;
    RETURN (plan -> 0 -> 'Plan' ->> 'Plan Rows')::float8;
END $$;
CREATE OPERATOR public.@@> (LEFTARG = text, RIGHTARG = text, FUNCTION = pg_catalog.textregexeq,
                            RESTRICT = iscm.country_set_contains_sel);
CREATE FUNCTION pg_temp.set_names(iscm.country_set, text) RETURNS boolean
    LANGUAGE plpgsql AS 'BEGIN RETURN strpos($1::text, $2) > 0; END';
CREATE OPERATOR public.@@& (LEFTARG = iscm.country_set, RIGHTARG = text, FUNCTION = pg_temp.set_names,
                            RESTRICT = iscm.country_set_overlaps_sel);
CREATE TEMP TABLE texts AS
SELECT repeat(chr(65 + i % 26), 1 + i % 40) AS t,
       iscm.country_set(ARRAY[(ARRAY['FRA', 'DEU', 'ITA'])[1 + i % 3]]::iscm.country[]) AS s
  FROM generate_series(1, 2000) AS i;
ANALYZE texts;
SELECT pg_temp.plan_rows($q$SELECT * FROM texts WHERE t OPERATOR(public.@@>) 'ZZZ'$q$) AS text_column,
       pg_temp.plan_rows($q$SELECT * FROM texts WHERE s OPERATOR(public.@@&) 'FRA'$q$) AS text_constant,
       pg_temp.plan_rows($q$SELECT * FROM texts WHERE s OPERATOR(iscm.&&) '{FRA}'$q$) AS country_sets;
ROLLBACK;
