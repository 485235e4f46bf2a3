-- iscm.design_summary: design_agg and its accessors (the figures are checked
-- against R's survey package by test/survey_design_r.sh; here: semantics,
-- errors, parallel and rollup equality, text and binary forms).
SET extra_float_digits = 0;
CREATE TEMP TABLE s AS
SELECT g, CASE WHEN g % 13 = 0 THEN NULL ELSE (ARRAY['yes', 'no', 'intends'])[1 + (g * 7) % 3] END AS answer,
       (1 + g % 5)::float8 AS w, 'h' || (g % 4) AS stratum, 'p' || (g % 20) AS psu,
       CASE g % 4 WHEN 0 THEN 40 WHEN 1 THEN 25 WHEN 2 THEN 60 ELSE 10 END::float8 AS pop
  FROM generate_series(1, 400) g;
CREATE TEMP TABLE d AS
SELECT iscm.design_agg(answer, w, stratum, psu) AS s4, iscm.design_agg(answer, w, stratum, psu, pop) AS s5,
       iscm.design_agg(answer, w) AS s2
  FROM s;
SELECT (iscm.design_info(s4)).*, iscm.degf(s4), iscm.degf(s2) FROM d;
-- shares and totals do not depend on the design; variances do
SELECT round(iscm.share(s4, 'yes')::numeric, 12) = round(iscm.share(s2, 'yes')::numeric, 12) AS same_share,
       iscm.total(s4, 'yes') = iscm.total(s5, 'yes') AS same_total,
       iscm.se(s5, 'yes') < iscm.se(s4, 'yes') AS fpc_shrinks,
       round(iscm.se(s4, 'yes')::numeric, 10) AS se, round(iscm.variance(s4, 'yes')::numeric, 12) AS var,
       round(iscm.cv(s4, 'yes')::numeric, 10) AS cv, round(iscm.deff(s4, 'yes')::numeric, 10) AS deff,
       round(iscm.deff(s4, 'yes', true)::numeric, 10) AS deff_replace,
       round(iscm.total_se(s4, 'yes')::numeric, 8) AS total_se
  FROM d;
SELECT m, (iscm.ci(s4, 'no', m, 0.9)).method, round(iscm.ci_lower(s4, 'no', m)::numeric, 10) AS lower,
       round(iscm.ci_upper(s4, 'no', m)::numeric, 10) AS upper
  FROM d, unnest(ARRAY['logit', 'XLOGIT', 'mean', 'asin', 'beta']) m;
-- model-based methods on the design's effective sample size p(1-p)/var
SELECT m, round(iscm.ci_lower(s4, 'no', m)::numeric, 10) AS lower, round(iscm.ci_upper(s4, 'no', m)::numeric, 10) AS upper,
       (iscm.ci(s4, 'no', m)).method
  FROM d, unnest(ARRAY['wilson', 'Clopper_Pearson', 'jeffreys', 'agresti_coull', 'wald']) m;
-- wilson on n = p(1-p)/var, by its formula
SELECT round(iscm.ci_lower(s4, 'no', 'wilson')::numeric, 12)
       = round(((p + z * z / (2 * n) - z * sqrt(p * (1 - p) / n + z * z / (4 * n * n))) / (1 + z * z / n))::numeric, 12) AS wilson_on_n_eff
  FROM d, LATERAL (SELECT iscm.share(s4, 'no') AS p, 1.959963984540054::float8 AS z,
                          iscm.share(s4, 'no') * (1 - iscm.share(s4, 'no')) / iscm.variance(s4, 'no') AS n) x;
-- a domain: the other rows' PSUs stay in the design (NULL answer), unlike WHERE
SELECT round(iscm.se(dom, 'yes')::numeric, 10) AS domain_se, round(iscm.se(sub, 'yes')::numeric, 10) AS new_design_se,
       iscm.share(dom, 'yes') = iscm.share(sub, 'yes') AS same_share, iscm.degf(dom), iscm.degf(sub)
  FROM (SELECT iscm.design_agg(CASE WHEN g % 20 < 10 THEN answer END, w, stratum, psu) AS dom,
               iscm.design_agg(answer, w, stratum, psu) FILTER (WHERE g % 20 < 10) AS sub FROM s) x;

-- parallel and partial aggregation give the same summary as the serial plan
CREATE TEMP TABLE big AS
SELECT g % 7 AS q, (ARRAY['yes', 'no', 'intends'])[1 + (g * 7) % 3] AS answer, 0.5 + g % 9 AS w,
       'h' || (g % 5) AS stratum, 'p' || (g % 61) AS psu
  FROM generate_series(1, 60000) g;
CREATE TEMP TABLE serial AS SELECT q, iscm.design_agg(answer, w, stratum, psu)::text AS t FROM big GROUP BY q;
SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 4; SET parallel_leader_participation = off;
-- a temp table is never scanned in parallel: use a plain one
CREATE TABLE pbig AS SELECT * FROM big;
ANALYZE pbig;
CREATE FUNCTION pg_temp.plan_has(q text, pattern text) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
    line text;
BEGIN
    FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP
        IF line ~ pattern THEN
            RETURN true;
        END IF;
    END LOOP;
    RETURN false;
END $$;
SELECT pg_temp.plan_has('SELECT q, iscm.design_agg(answer, w, stratum, psu) FROM pbig GROUP BY q', 'Partial') AS partial_plan;
SELECT count(*) AS groups, bool_and(p.t = s.t) AS parallel_equals_serial
  FROM (SELECT q, iscm.design_agg(answer, w, stratum, psu)::text AS t FROM pbig GROUP BY q) p JOIN serial s USING (q);
RESET parallel_setup_cost; RESET parallel_tuple_cost; RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather; RESET parallel_leader_participation;
-- rollup of parts (a PSU split between parts is one PSU) equals the whole
SELECT iscm.rollup(part)::text = (SELECT t FROM serial WHERE q = 3) AS rollup_equals_whole
  FROM (SELECT iscm.design_agg(answer, w, stratum, psu) AS part
          FROM (SELECT *, row_number() OVER () % 3 AS k FROM pbig WHERE q = 3) z GROUP BY k) x;
SELECT iscm.rollup(x) IS NOT NULL AS empty_rollup FROM (SELECT NULL::iscm.design_summary AS x) y;
DROP TABLE pbig;

-- zero rows: an empty summary; figures NULL
SELECT iscm.design_agg(answer, w) AS empty FROM s WHERE false;
SELECT (iscm.design_info(iscm.design_agg(answer, w))).* FROM s WHERE false;

-- text form round trip; binary round trip
SELECT iscm.design_agg(a, w, st, p, f)::text FROM (VALUES ('yes', 1.5::float8, 'a', '1', 10::float8), ('no', 2, 'a', '2', 10)) v(a, w, st, p, f);
SELECT s5::text::iscm.design_summary::text = s5::text AS text_round_trip,
       iscm.design_summary_send(s5) = iscm.design_summary_send(s5::text::iscm.design_summary) AS send_stable
  FROM d;
\getenv abs_srcdir PG_ABS_SRCDIR
\set copy_binary :abs_srcdir '/test/lib/copy_binary.sql'
\i :copy_binary
CREATE FUNCTION pg_temp.receive(payload bytea) RETURNS text LANGUAGE sql
    RETURN pg_temp.copy_binary_receive(payload, 'iscm.design_summary');
SELECT pg_temp.receive(iscm.design_summary_send(s5)) = s5::text AS binary_round_trip FROM d;
-- hostile bytes: every truncation and single-byte change is refused or valid, never a crash
SELECT pg_temp.receive('\x02'::bytea) AS bad_version;
SELECT pg_temp.receive('\x01'::bytea) AS truncated;
SELECT pg_temp.receive('\x0108000000000000000000000000000000000000000000000000'::bytea) AS bad_flags;
SELECT pg_temp.receive('\x0106000000000000000000000000000000000000000000000000'::bytea) AS numeric_and_multiple;
SELECT pg_temp.receive('\x010000000001000000000000000000000000000000000000000000'::bytea) AS stratum_without_bytes;
CREATE TEMP TABLE small AS
SELECT iscm.design_summary_send(iscm.design_agg(a, w, st, p)) AS b
  FROM (VALUES ('yes', 1.5::float8, 'a', '1'), ('no', 0, 'a', '2'), (NULL, 1, 'b', '1')) v(a, w, st, p);
SELECT count(*) AS truncations, count(*) FILTER (WHERE r LIKE '22P03%') AS refused
  FROM small, generate_series(0, length(b) - 1) n,
       LATERAL (SELECT pg_temp.receive(substr(b, 1, n)) AS r) x;
-- an accepted mutation reads back through the text form to the same value
SELECT count(*) AS mutations, count(*) FILTER (WHERE r LIKE '22P03%') AS refused,
       count(*) FILTER (WHERE r NOT LIKE '22P03%' AND r::iscm.design_summary::text = r) AS accepted
  FROM small, generate_series(0, length(b) - 1) n, unnest(ARRAY[0, 1, 127, 255]) v,
       LATERAL (SELECT pg_temp.receive(set_byte(b, n, v)) AS r) x;
SELECT 'zz'::iscm.design_summary;
SELECT '010'::iscm.design_summary;
SELECT '0200'::iscm.design_summary;

-- errors
\set VERBOSITY default
SELECT iscm.design_agg('yes', NULL::float8);
\echo :LAST_ERROR_SQLSTATE
SELECT iscm.design_agg('yes', -1::float8);
SELECT iscm.design_agg('yes', 'NaN'::float8, 'a', 'b');
SELECT iscm.design_agg('yes', 1, 'a', 'b', 0);
SELECT iscm.design_agg('yes', 1, 'a', 'b', NULL::float8);
SELECT iscm.design_agg('yes', 1, 'a', 'b' || g, g::float8) FROM generate_series(1, 2) g;
SELECT iscm.se(iscm.design_agg(a, 1, st, p), 'yes')
  FROM (VALUES ('yes', 'a', '1'), ('no', 'a', '2'), ('yes', 'b', '1')) v(a, st, p);
\echo :LAST_ERROR_SQLSTATE
SELECT round(iscm.se(x, 'yes', 'remove')::numeric, 10) AS remove, round(iscm.se(x, 'yes', 'CERTAINTY')::numeric, 10) AS certainty,
       round(iscm.se(x, 'yes', 'adjust')::numeric, 10) AS adjust, round(iscm.se(x, 'yes', 'average')::numeric, 10) AS average,
       iscm.share(x, 'yes') AS share_needs_no_rule
  FROM (SELECT iscm.design_agg(a, 1, st, p) AS x
          FROM (VALUES ('yes', 'a', '1'), ('no', 'a', '2'), ('yes', 'b', '1')) v(a, st, p)) y;
SELECT iscm.se(iscm.design_agg(a, 1, st, p), 'yes', 'drop') FROM (VALUES ('yes', 'a', '1')) v(a, st, p);
SELECT iscm.se(iscm.design_agg(a, 1, st, p, f), 'yes')
  FROM (VALUES ('yes', 'a', '1', 0.5::float8), ('no', 'a', '2', 0.5), ('no', 'b', '1', 20), ('no', 'b', '2', 20)) v(a, st, p, f);
SELECT iscm.se(iscm.design_agg(a, 1, st, p, 1.5), 'yes')
  FROM (VALUES ('yes', 'a', '1'), ('no', 'a', '2')) v(a, st, p);
-- a census stratum (population = PSUs sampled) adds nothing and is never lonely
SELECT iscm.se(iscm.design_agg(a, 1, st, p, f), 'yes') AS census_lonely
  FROM (VALUES ('yes', 'a', '1', 1::float8), ('no', 'b', '1', 4), ('yes', 'b', '2', 4)) v(a, st, p, f);
SELECT iscm.share(s4, 'Yes') FROM d;
SELECT iscm.ci(s4, 'yes', 'score') FROM d;
SELECT round(iscm.ci_lower(s4, 'yes', 'Likelihood')::numeric, 10) AS lower, round(iscm.ci_upper(s4, 'yes', 'likelihood')::numeric, 10) AS upper FROM d;
SELECT iscm.ci(s4, 'yes', 'logit', 1) FROM d;

-- numeric answers: design_value_agg
CREATE TEMP TABLE v AS
SELECT iscm.design_value_agg(CASE WHEN g % 11 = 0 THEN NULL ELSE (g * 37 % 101)::float8 END, w, stratum, psu) AS v,
       iscm.design_value_agg(CASE WHEN g % 11 = 0 THEN NULL ELSE (g * 37 % 101)::float8 END, w, stratum, psu, pop) AS vf
  FROM s;
SELECT round(iscm.mean(v)::numeric, 10) AS mean, round(iscm.mean_se(v)::numeric, 10) AS se,
       iscm.mean_se(vf) < iscm.mean_se(v) AS fpc_shrinks, round(iscm.mean_deff(v)::numeric, 10) AS deff,
       round(iscm.mean_ci_lower(v, 0.9)::numeric, 8) AS lower, round(iscm.mean_ci_upper(v, 0.9)::numeric, 8) AS upper,
       iscm.value_total(v), round(iscm.value_total_se(v)::numeric, 6) AS total_se, iscm.degf(v),
       (iscm.design_info(v)).missing
  FROM v;
SELECT iscm.mean(iscm.design_value_agg(NULL::float8, 1)) AS no_values,
       iscm.value_total(iscm.design_value_agg(NULL::float8, 1)) AS zero_total;
SELECT iscm.mean(x) IS NULL AS empty_mean FROM (SELECT iscm.design_value_agg(1, 1) AS x FROM s WHERE false) y;
SELECT iscm.design_value_agg('Infinity'::float8, 1);
SELECT iscm.share(v, 'yes') FROM v;
SELECT iscm.mean(s4) FROM d;
SELECT iscm.rollup(x) FROM (SELECT s4 AS x FROM d UNION ALL SELECT v FROM v) y;

-- multiple choice: shares of respondents, a repeated choice counts once
CREATE TEMP TABLE mc AS
SELECT iscm.design_choices_agg(c, w, st, p) AS m
  FROM (VALUES ('{GFMD,Rabat,GFMD}'::text[], 1::float8, 'a', '1'), ('{}', 2, 'a', '1'), ('{Rabat,NULL}', 1, 'a', '2'),
               (NULL, 5, 'a', '2'), ('{GFMD}', 3, 'b', '1'), ('{Budapest}', 1, 'b', '2'), ('{GFMD,Rabat}', 2, 'b', '3')) v(c, w, st, p);
SELECT c, iscm.share(m, c), iscm.total(m, c), round(iscm.se(m, c)::numeric, 10) AS se, iscm.degf(m)
  FROM mc, unnest(ARRAY['Budapest', 'GFMD', 'Rabat']) c;
SELECT (iscm.design_info(m)).* FROM mc;
SELECT iscm.design_choices_agg('{{a,b},{c,d}}'::text[], 1);
SELECT iscm.rollup(x) FROM (SELECT m AS x FROM mc UNION ALL SELECT s4 FROM d) y;
SELECT iscm.mean(m) FROM mc;

-- Rao-Scott test of independence of two items (figures against R in test/survey_design_r.sh)
CREATE TEMP TABLE pairs AS
SELECT iscm.design_agg(iscm.answer_pair(answer, CASE WHEN g % 5 = 0 THEN NULL WHEN w > 3 THEN 'x' ELSE 'y' END),
                       w, stratum, psu) AS c
  FROM s;
SELECT round(stat::numeric, 8) AS stat, round(ndf::numeric, 8) AS ndf, round(ddf::numeric, 8) AS ddf,
       round(p_value::numeric, 10) AS p_value
  FROM pairs, iscm.design_chisq(c);
SELECT round(stat::numeric, 8) AS stat, ndf, ddf, round(p_value::numeric, 10) AS p_value
  FROM pairs, iscm.design_chisq(c, 'CHISQ');
SELECT iscm.answer_pair('a', NULL) IS NULL AS pair_of_missing, iscm.answer_pair('a', 'b') = E'a\x1fb' AS pair;
SELECT iscm.answer_pair(E'a\x1fb', 'c');
SELECT * FROM pairs, iscm.design_chisq(c, 'Wald');
SELECT * FROM d, iscm.design_chisq(s4);
SELECT x.* FROM (SELECT iscm.design_agg(iscm.answer_pair('a', b), 1) AS c FROM (VALUES ('x'), ('y')) v(b)) y,
       iscm.design_chisq(c) x;
