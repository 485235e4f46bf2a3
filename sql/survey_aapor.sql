-- AAPOR outcome rates: from counts and from dispositions aggregated over respondents.
CREATE SCHEMA survey_aapor_test;
SET search_path = survey_aapor_test, public;

-- Published vectors: I=4 P=2 R=1 NC=1 O=1 UH=1 UO=1 NE=1, e=0.9
SELECT rate, round(iscm.aapor_rate(rate, 4, 2, 1, 1, 1, 1, 1, 0.9)::numeric, 3) AS value, expected,
       round(iscm.aapor_rate(rate, 4, 2, 1, 1, 1, 1, 1, 0.9)::numeric, 3) = expected AS ok
  FROM (VALUES ('RR1', 0.364), ('RR2', 0.545), ('RR3', 0.370), ('RR4', 0.556), ('RR5', 0.444), ('RR6', 0.667),
               ('COOP1', 0.500), ('COOP2', 0.750), ('COOP3', 0.571), ('COOP4', 0.857),
               ('REF1', 0.091), ('REF2', 0.093), ('REF3', 0.111),
               ('CON1', 0.727), ('CON2', 0.741), ('CON3', 0.889)) v(rate, expected);
-- I=5 P=3 R=2 NC=1 O=2 UH=1 UO=1 NE=1, e=0.5: exact fractions
SELECT rate, abs(iscm.aapor_rate(rate, 5, 3, 2, 1, 2, 1, 1, 0.5) - expected) < 1e-15 AS ok
  FROM (VALUES ('RR1', 1/3.0), ('RR2', 8/15.0), ('RR3', 5/14.0), ('RR4', 4/7.0), ('RR5', 5/13.0), ('RR6', 8/13.0)) v(rate, expected);

-- The same from respondents' dispositions, letters and AAPOR numeric codes mixed;
-- e left NULL is estimated from cases of known eligibility: 9/(9+1) = 0.9.
CREATE TABLE cases (id int, disposition text);
INSERT INTO cases VALUES (1, 'I'), (2, '1.1'), (3, 'i'), (4, '1.1'), (5, 'P'), (6, '1.2'),
    (7, '2.11'), (8, '2.20'), (9, '2.31'), (10, '3.10'), (11, '3.90'), (12, '4.70'), (13, NULL);
SELECT iscm.disposition_agg(disposition) FROM cases;
SELECT * FROM iscm.dispositions((SELECT iscm.disposition_agg(disposition) FROM cases));
SELECT rate, round(iscm.aapor_rate(d, rate)::numeric, 3) AS estimated_e,
       abs(iscm.aapor_rate(d, rate) - iscm.aapor_rate(rate, 4, 2, 1, 1, 1, 1, 1, 0.9)) < 1e-12 AS same_as_counts
  FROM (SELECT iscm.disposition_agg(disposition) AS d FROM cases) q,
       unnest(ARRAY['RR1', 'RR3', 'rr4', 'REF2', 'CON2', 'coop1']) rate;
SELECT round(iscm.aapor_rate(d, 'RR3', 0.5)::numeric, 4) AS rr3_e_half,
       round(iscm.aapor_rate(d, 'RR3', 1)::numeric, 4) = round(iscm.aapor_rate(d, 'RR1')::numeric, 4) AS e1_is_rr1,
       round(iscm.aapor_rate(d, 'RR3', 0)::numeric, 4) = round(iscm.aapor_rate(d, 'RR5')::numeric, 4) AS e0_is_rr5
  FROM (SELECT iscm.disposition_agg(disposition) AS d FROM cases) q;

-- zero rows: an empty summary; rates with a zero denominator are NULL
SELECT iscm.disposition_agg(disposition) FROM cases WHERE false;
SELECT iscm.aapor_rate(iscm.disposition_agg(disposition), 'RR1') FROM cases WHERE false;
SELECT iscm.aapor_rate('COOP3', 0, 0, 0, 5, 0, 0, 0);
-- errors
SELECT iscm.disposition_agg(d) FROM (VALUES ('I'), ('refused')) v(d);
SELECT iscm.disposition_agg(d) FROM (VALUES ('5.1')) v(d);
SELECT iscm.aapor_rate('RR7', 1, 1, 1, 1, 1, 1, 1);
SELECT iscm.aapor_rate('RR3', 1, 1, 1, 1, 1, 1, 1);
SELECT iscm.aapor_rate('RR3', 1, 1, 1, 1, 1, 1, 1, 1.5);
SELECT iscm.aapor_rate('RR1', 1, -1, 1, 1, 1, 1, 1);
SELECT iscm.aapor_rate(iscm.disposition_agg(disposition), 'RR3', -0.1) FROM cases;

-- The counts form in the order of the summary form: counts (with NE), rate, e.
-- Equal to the summary form for every rate, e given or estimated.
SELECT count(*) AS rates,
       count(*) FILTER (WHERE iscm.aapor_rate(4, 2, 1, 1, 1, 1, 1, 1, rate, NULL) = iscm.aapor_rate(d, rate)) AS same_estimated_e,
       count(*) FILTER (WHERE iscm.aapor_rate(4, 2, 1, 1, 1, 1, 1, 1, rate, 0.5) = iscm.aapor_rate(d, rate, 0.5)) AS same_e_half,
       count(*) FILTER (WHERE iscm.aapor_rate(4, 2, 1, 1, 1, 1, 1, 1, rate, 0.9) = iscm.aapor_rate(rate, 4, 2, 1, 1, 1, 1, 1, 0.9)) AS same_as_old_order
  FROM (SELECT iscm.disposition_agg(disposition) AS d FROM cases) q,
       unnest(ARRAY['RR1', 'RR2', 'RR3', 'RR4', 'RR5', 'RR6', 'COOP1', 'COOP2', 'COOP3', 'COOP4',
                    'REF1', 'REF2', 'REF3', 'CON1', 'CON2', 'CON3']) rate;
SELECT iscm.aapor_rate(i => 4, p => 2, r => 1, nc => 1, o => 1, uh => 1, uo => 1, ne => 1, rate => 'rr3', e => NULL) AS named_new,
       iscm.aapor_rate(rate => 'RR3', i => 4, p => 2, r => 1, nc => 1, o => 1, uh => 1, uo => 1, e => 0.9) AS named_old,
       iscm.aapor_rate('RR1', 4, 2, 1, 1, 1, 1, 1, NULL) AS old_order_null_e;
-- no case of known eligibility: e cannot be estimated and the rate needing it is NULL, as for a summary
SELECT iscm.aapor_rate(0, 0, 0, 0, 0, 2, 3, 0, 'RR3', NULL) IS NULL AS rr3_null,
       iscm.aapor_rate(iscm.disposition_agg(d), 'RR3') IS NULL AS summary_rr3_null,
       iscm.aapor_rate(0, 0, 0, 0, 0, 2, 3, 0, 'RR1', NULL) AS rr1
  FROM (VALUES ('UH'), ('UH'), ('UO'), ('UO'), ('UO')) v(d);
SELECT iscm.aapor_rate(1, 1, 1, 1, 1, 1, 1, NULL, 'RR1', NULL) IS NULL AS null_ne,
       iscm.aapor_rate(1, 1, 1, 1, 1, 1, 1, 1, NULL, 0.5) IS NULL AS null_rate;
\set SHOW_CONTEXT never
SELECT iscm.aapor_rate(1, 1, 1, 1, 1, 1, 1, -1, 'RR1', NULL);
\echo :LAST_ERROR_SQLSTATE
SELECT iscm.aapor_rate(1, -1, 1, 1, 1, 1, 1, 1, 'RR1', NULL);
\echo :LAST_ERROR_SQLSTATE
SELECT iscm.aapor_rate(1, 1, 1, 1, 1, 1, 1, 1, 'RR9', NULL);
\echo :LAST_ERROR_SQLSTATE
SELECT iscm.aapor_rate(1, 1, 1, 1, 1, 1, 1, 1, 'RR3', 2);
\echo :LAST_ERROR_SQLSTATE
\unset SHOW_CONTEXT

-- rollup, parallel, text and binary forms
CREATE TABLE many AS
SELECT g AS id, (ARRAY['I', 'P', 'R', 'NC', 'O', 'UH', 'UO', 'NE', '1.1', '2.12'])[1 + g % 10] AS disposition
  FROM generate_series(1, 20000) g;
SELECT (SELECT iscm.rollup(d)::text FROM (SELECT iscm.disposition_agg(disposition) AS d FROM many GROUP BY id % 7) q)
     = (SELECT iscm.disposition_agg(disposition)::text FROM many) AS rollup_equals_direct;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF) SELECT iscm.disposition_agg(disposition) FROM many;
SELECT iscm.disposition_agg(disposition) FROM many;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
RESET parallel_leader_participation;
SELECT d::text::iscm.disposition_summary::text = d::text AS text_round_trip,
       iscm.to_jsonb(d), iscm.disposition_summary_send(d)
  FROM (SELECT iscm.disposition_agg(disposition) AS d FROM cases) q;
SELECT '{"format": 1, "I": 3}'::iscm.disposition_summary;
SELECT '{"format": 1, "I": -3}'::iscm.disposition_summary;
SELECT '{"format": 1, "X": 3}'::iscm.disposition_summary;

DROP SCHEMA survey_aapor_test CASCADE;
