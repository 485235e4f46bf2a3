-- Governance registry: memberships as country sets, the overlap matrix, States
-- in N or more mechanisms — on the seed data, then with user rows.
SET client_min_messages = warning;
SET datestyle = ISO;
\set SHOW_CONTEXT never
-- the set operators live in schema iscm
SET search_path = public, iscm;

-- The 13 GFMD member States of the 2019 assessment, as a country_set.
SELECT iscm.members_on('GFMD', '2019-06-30') AS gfmd_2019,
       iscm.cardinality(iscm.members_on('GFMD', '2019-06-30')) AS n;
SELECT iscm.members_on('GFMD', '2019-06-30') @> 'Philippines'::iscm.country AS has_philippines,
       iscm.members_on('GFMD', '2019-06-30') @> 'Mexico'::iscm.country AS has_mexico,
       iscm.members_on('gfmd', '2019-06-30', 'participant') AS participants_2019,
       iscm.members_on('GFMD', '2019-06-30', NULL) = (iscm.members_on('GFMD', '2019-06-30') | iscm.members_on('GFMD', '2019-06-30', 'participant')) AS any_role_is_the_union;
-- Year precision: "as of 2019" counts for all of 2019 (stated), only from 2019-12-31 (certain), and without limit (possible).
SELECT r, d, iscm.cardinality(iscm.members_on('GFMD', d, 'member', r)) AS n
  FROM unnest(ARRAY['stated', 'certain', 'possible']) AS r, unnest(ARRAY['2019-01-01', '2019-12-31', '2021-06-01']::date[]) AS d
 GROUP BY r, d ORDER BY r, d;
-- A mechanism with no State in the role gives the empty set, not NULL (the GMG's members are agencies).
SELECT iscm.members_on('GMG', '2007-06-30') AS gmg_states, iscm.members_on('GMG', '2007-06-30') IS NULL AS is_null;

-- Set operators on seed data: GFMD members of 2019 against the States that ever chaired the IGC.
WITH igc_chairs AS (SELECT iscm.country_set_agg(holder_state) AS s FROM iscm.chairs WHERE mechanism = 'IGC'),
     gfmd AS (SELECT iscm.members_on('GFMD', '2019-06-30') AS s)
SELECT gfmd.s & igc_chairs.s AS both_sets, gfmd.s && igc_chairs.s AS overlap,
       iscm.cardinality(gfmd.s - igc_chairs.s) AS gfmd_only, iscm.cardinality(gfmd.s | igc_chairs.s) AS together,
       round(iscm.jaccard(gfmd.s, igc_chairs.s)::numeric, 4) AS jaccard
  FROM gfmd, igc_chairs;
-- Which 2019 GFMD members answered the 2008 questionnaire: the respondents the paper states or names as
-- reporting, and apart from them those it only names with a practice (inferred respondents).
SELECT iscm.members_on('GFMD', '2019-06-30')
       & (SELECT iscm.country_set_agg(country) FROM iscm.survey_respondents WHERE survey = 'gfmd-2008' AND basis <> 'inferred')
       AS answered_in_2008_and_member_in_2019,
       iscm.members_on('GFMD', '2019-06-30')
       & (SELECT iscm.country_set_agg(country) FROM iscm.survey_respondents WHERE survey = 'gfmd-2008' AND basis = 'inferred')
       AS inferred_respondent_in_2008;

-- Overlap matrix and multi-membership on seed data on 2019-06-30: the GFMD's 2019 members, and the
-- memberships whose stated periods reach that day (Almaty Process founders from 2013, Khartoum
-- Process signatories from 2014, the United Kingdom in the Rabat Process 2014-11 .. 2020-01).
SELECT * FROM iscm.membership_overlap('2019-06-30');
SELECT * FROM iscm.states_in_at_least(1, '2019-06-30') LIMIT 3;
SELECT count(*) FROM iscm.states_in_at_least(2, '2019-06-30');
-- Under the possible reading attested memberships reach back to each mechanism's founding, not further
-- (the GFMD's 2019 members to 2007; lists of mechanisms founded earlier reach further back).
SELECT d, (SELECT count(*) FROM iscm.states_in_at_least(1, d, reading => 'possible')) AS states
  FROM unnest(ARRAY['2006-12-31', '2007-01-01']::date[]) AS d;

-- With user rows: IGC and Colombo Process members around 2019 (test data, not facts; before the
-- seed lists, which are as of 2021-04 and 2024-06).
INSERT INTO iscm.participations (mechanism, state, role, start_date, end_date, source) VALUES
    ('IGC', 'Canada', 'member', '2018', '2020', 'test'),
    ('IGC', 'Norway', 'member', '2018', '2020', 'test'),
    ('IGC', 'Spain', 'member', '2018', '2020', 'test'),
    ('IGC', 'Sweden', 'member', '2018', '2020', 'test'),
    ('Colombo Process', 'Sri Lanka', 'member', '2003', '2023', 'test'),
    ('Colombo Process', 'Philippines', 'member', '2003', '2023', 'test'),
    ('Colombo Process', 'Nepal', 'member', '2003', '2023', 'test');
SELECT * FROM iscm.membership_overlap('2019-06-30');
SELECT state, iscm.country_name(state) AS name, mechanism_count, mechanisms FROM iscm.states_in_at_least(2, '2019-06-30');
SELECT * FROM iscm.membership_overlap('2021-06-30');
SELECT mechanism, record, role, period FROM iscm.memberships_of('Sri Lanka');

-- Parallel and serial set aggregation over participations agree.
CREATE TEMP TABLE serial_sets AS
    SELECT iscm.country_set_agg(state) AS all_states,
           iscm.country_set_agg(state) FILTER (WHERE role = 'member') AS members,
           iscm.country_set_agg(state) FILTER (WHERE mechanism = 'IGC') AS igc
      FROM iscm.participations;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SELECT set_config(CASE WHEN current_setting('server_version_num')::int >= 160000
                       THEN 'debug_parallel_query' ELSE 'force_parallel_mode' END, 'on', false) IS NOT NULL AS forced;
EXPLAIN (COSTS OFF)
SELECT iscm.country_set_agg(state) AS all_states,
       iscm.country_set_agg(state) FILTER (WHERE role = 'member') AS members,
       iscm.country_set_agg(state) FILTER (WHERE mechanism = 'IGC') AS igc
  FROM iscm.participations;
SELECT p.all_states = s.all_states AND p.members = s.members AND p.igc = s.igc AS parallel_equals_serial,
       iscm.cardinality(p.all_states) AS states, iscm.cardinality(p.igc) AS igc
  FROM serial_sets s,
       (SELECT iscm.country_set_agg(state) AS all_states,
               iscm.country_set_agg(state) FILTER (WHERE role = 'member') AS members,
               iscm.country_set_agg(state) FILTER (WHERE mechanism = 'IGC') AS igc
          FROM iscm.participations) AS p;
SELECT count(*) AS pairs, sum(shared) AS shared FROM iscm.membership_overlap('2019-06-30');
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
SELECT set_config(CASE WHEN current_setting('server_version_num')::int >= 160000
                       THEN 'debug_parallel_query' ELSE 'force_parallel_mode' END, 'off', false) IS NOT NULL AS reset;

DELETE FROM iscm.participations WHERE NOT is_seed;
RESET search_path;
