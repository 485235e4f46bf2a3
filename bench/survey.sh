#!/bin/bash
# Survey aggregate benchmark: ratios measured in one run on the same data.
#
#   ISCM_KEEP=1 tools/run-tests survey_agg && . .tmp/env && bench/survey.sh
#   tools/run-bench survey
#
# Table survey_bench: ROWS answers (default 10M) to 20 questions, categories
# yes / no / intends / NULL (item non-response), a weight per answer.  Prints,
# as medians of REPS runs (default 3):
#   answer_agg / count(*)                      same GROUP BY question, serial      (issue: <= 1.3)
#   answer_agg + accessors / best plain SQL     counts, bases, shares, Wilson CIs   (issue: <= 1.0)
#   answer_agg serial / 2 workers              speed-up from parallel aggregation  (issue: > 1)
# and, in the same run, the aggregates of iscm 1.0 (state type internal, defined
# again in schema bench_v10 over the 1.0 C functions, which the module keeps):
#   1.0 answer_agg / count(*), and 1.1 / 1.0 for answer_agg, weighted, parallel
#   every iscm aggregate, 1.1 / 1.0, on 1M rows of the same data (MROWS); the
#   rollups over the summaries of groups of 10 of those rows
set -eu
ROWS=${ROWS:-10000000}
REPS=${REPS:-3}
MROWS=${MROWS:-1000000}
DB=${PGDATABASE:-postgres}
psql_q() { PGOPTIONS="-c client_min_messages=warning" psql -X -q -At -v ON_ERROR_STOP=1 -d "$DB" "$@"; }

psql_q -c "SET client_min_messages = warning; CREATE EXTENSION IF NOT EXISTS iscm"
have=0
if [ -n "$(psql_q -c "SELECT to_regclass('public.survey_bench')")" ]; then
    have=$(psql_q -c "SELECT count(*) FROM public.survey_bench")
fi
if [ "$have" != "$ROWS" ]; then
    echo "generating $ROWS answers ..."
    psql_q <<SQL
DROP TABLE IF EXISTS public.survey_bench;
CREATE TABLE public.survey_bench AS
SELECT (g % 20) AS question,
       CASE WHEN h < 0.04 THEN NULL WHEN h < 0.50 THEN 'yes' WHEN h < 0.85 THEN 'no' ELSE 'intends' END AS answer,
       0.5 + (g % 7) * 0.25 AS weight
  FROM (SELECT g, random() AS h FROM generate_series(1, $ROWS) g) s;
VACUUM ANALYZE public.survey_bench;
SQL
fi

# iscm 1.0's aggregates, with their internal state, for the before/after ratios
psql_q <<'SQL'
DROP SCHEMA IF EXISTS bench_v10 CASCADE;
CREATE SCHEMA bench_v10;
CREATE FUNCTION bench_v10.f(internal) RETURNS iscm.answer_summary AS '$libdir/iscm', 'answer_agg_final' LANGUAGE C;
CREATE FUNCTION bench_v10.fw(internal) RETURNS iscm.answer_summary AS '$libdir/iscm', 'answer_agg_weighted_final' LANGUAGE C;
CREATE FUNCTION bench_v10.fc(internal) RETURNS iscm.answer_summary AS '$libdir/iscm', 'choices_agg_final' LANGUAGE C;
CREATE FUNCTION bench_v10.fcw(internal) RETURNS iscm.answer_summary AS '$libdir/iscm', 'choices_agg_weighted_final' LANGUAGE C;
CREATE FUNCTION bench_v10.fr(internal) RETURNS iscm.answer_summary AS '$libdir/iscm', 'answer_rollup_final' LANGUAGE C;
CREATE FUNCTION bench_v10.t(internal, text) RETURNS internal AS '$libdir/iscm', 'answer_agg_trans' LANGUAGE C;
CREATE FUNCTION bench_v10.tw(internal, text, float8) RETURNS internal AS '$libdir/iscm', 'answer_agg_weighted_trans' LANGUAGE C;
CREATE FUNCTION bench_v10.tc(internal, text[]) RETURNS internal AS '$libdir/iscm', 'choices_agg_trans' LANGUAGE C;
CREATE FUNCTION bench_v10.tcw(internal, text[], float8) RETURNS internal AS '$libdir/iscm', 'choices_agg_weighted_trans' LANGUAGE C;
CREATE FUNCTION bench_v10.tr(internal, iscm.answer_summary) RETURNS internal AS '$libdir/iscm', 'answer_rollup_trans' LANGUAGE C;
CREATE FUNCTION bench_v10.c(internal, internal) RETURNS internal AS '$libdir/iscm', 'answer_summary_combine' LANGUAGE C;
CREATE FUNCTION bench_v10.s(internal) RETURNS bytea AS '$libdir/iscm', 'answer_summary_serialize' LANGUAGE C STRICT;
CREATE FUNCTION bench_v10.d(bytea, internal) RETURNS internal AS '$libdir/iscm', 'answer_summary_deserialize' LANGUAGE C STRICT;
CREATE AGGREGATE bench_v10.answer_agg(text) (SFUNC = bench_v10.t, STYPE = internal, FINALFUNC = bench_v10.f,
    COMBINEFUNC = bench_v10.c, SERIALFUNC = bench_v10.s, DESERIALFUNC = bench_v10.d, PARALLEL = SAFE);
CREATE AGGREGATE bench_v10.answer_agg(text, float8) (SFUNC = bench_v10.tw, STYPE = internal, FINALFUNC = bench_v10.fw,
    COMBINEFUNC = bench_v10.c, SERIALFUNC = bench_v10.s, DESERIALFUNC = bench_v10.d, PARALLEL = SAFE);
CREATE AGGREGATE bench_v10.choices_agg(text[]) (SFUNC = bench_v10.tc, STYPE = internal, FINALFUNC = bench_v10.fc,
    COMBINEFUNC = bench_v10.c, SERIALFUNC = bench_v10.s, DESERIALFUNC = bench_v10.d, PARALLEL = SAFE);
CREATE AGGREGATE bench_v10.choices_agg(text[], float8) (SFUNC = bench_v10.tcw, STYPE = internal, FINALFUNC = bench_v10.fcw,
    COMBINEFUNC = bench_v10.c, SERIALFUNC = bench_v10.s, DESERIALFUNC = bench_v10.d, PARALLEL = SAFE);
CREATE AGGREGATE bench_v10.rollup(iscm.answer_summary) (SFUNC = bench_v10.tr, STYPE = internal, FINALFUNC = bench_v10.fr,
    COMBINEFUNC = bench_v10.c, SERIALFUNC = bench_v10.s, DESERIALFUNC = bench_v10.d, PARALLEL = SAFE);
CREATE FUNCTION bench_v10.tt(internal, text, text) RETURNS internal AS '$libdir/iscm', 'transition_agg_trans' LANGUAGE C;
CREATE FUNCTION bench_v10.ttr(internal, iscm.transition_summary) RETURNS internal AS '$libdir/iscm', 'transition_rollup_trans' LANGUAGE C;
CREATE FUNCTION bench_v10.tf(internal) RETURNS iscm.transition_summary AS '$libdir/iscm', 'transition_agg_final' LANGUAGE C;
CREATE FUNCTION bench_v10.tc2(internal, internal) RETURNS internal AS '$libdir/iscm', 'transition_summary_combine' LANGUAGE C;
CREATE AGGREGATE bench_v10.transition_agg(text, text) (SFUNC = bench_v10.tt, STYPE = internal, FINALFUNC = bench_v10.tf,
    COMBINEFUNC = bench_v10.tc2);
CREATE AGGREGATE bench_v10.rollup(iscm.transition_summary) (SFUNC = bench_v10.ttr, STYPE = internal, FINALFUNC = bench_v10.tf,
    COMBINEFUNC = bench_v10.tc2);
CREATE FUNCTION bench_v10.dt(internal, text) RETURNS internal AS '$libdir/iscm', 'disposition_agg_trans' LANGUAGE C;
CREATE FUNCTION bench_v10.dtr(internal, iscm.disposition_summary) RETURNS internal AS '$libdir/iscm', 'disposition_rollup_trans' LANGUAGE C;
CREATE FUNCTION bench_v10.df(internal) RETURNS iscm.disposition_summary AS '$libdir/iscm', 'disposition_agg_final' LANGUAGE C;
CREATE FUNCTION bench_v10.dc(internal, internal) RETURNS internal AS '$libdir/iscm', 'disposition_summary_combine' LANGUAGE C;
CREATE AGGREGATE bench_v10.disposition_agg(text) (SFUNC = bench_v10.dt, STYPE = internal, FINALFUNC = bench_v10.df,
    COMBINEFUNC = bench_v10.dc);
CREATE AGGREGATE bench_v10.rollup(iscm.disposition_summary) (SFUNC = bench_v10.dtr, STYPE = internal, FINALFUNC = bench_v10.df,
    COMBINEFUNC = bench_v10.dc);
CREATE FUNCTION bench_v10.ct(internal, iscm.country) RETURNS internal AS '$libdir/iscm', 'country_set_agg_transfn' LANGUAGE C;
CREATE FUNCTION bench_v10.cu(internal, iscm.country_set) RETURNS internal AS '$libdir/iscm', 'country_set_union_transfn' LANGUAGE C;
CREATE FUNCTION bench_v10.ci(internal, iscm.country_set) RETURNS internal AS '$libdir/iscm', 'country_set_intersection_transfn' LANGUAGE C;
CREATE FUNCTION bench_v10.cuc(internal, internal) RETURNS internal AS '$libdir/iscm', 'country_set_union_combinefn' LANGUAGE C;
CREATE FUNCTION bench_v10.cic(internal, internal) RETURNS internal AS '$libdir/iscm', 'country_set_intersection_combinefn' LANGUAGE C;
CREATE FUNCTION bench_v10.cf(internal) RETURNS iscm.country_set AS '$libdir/iscm', 'country_set_agg_finalfn' LANGUAGE C;
CREATE AGGREGATE bench_v10.country_set_agg(iscm.country) (SFUNC = bench_v10.ct, STYPE = internal, FINALFUNC = bench_v10.cf,
    COMBINEFUNC = bench_v10.cuc);
CREATE AGGREGATE bench_v10.union_agg(iscm.country_set) (SFUNC = bench_v10.cu, STYPE = internal, FINALFUNC = bench_v10.cf,
    COMBINEFUNC = bench_v10.cuc);
CREATE AGGREGATE bench_v10.intersection_agg(iscm.country_set) (SFUNC = bench_v10.ci, STYPE = internal, FINALFUNC = bench_v10.cf,
    COMBINEFUNC = bench_v10.cic);
SQL

COUNT="SELECT question, count(*) FROM public.survey_bench GROUP BY question"
AGG="SELECT question, iscm.answer_agg(answer) FROM public.survey_bench GROUP BY question"
AGGW="SELECT question, iscm.answer_agg(answer, weight) FROM public.survey_bench GROUP BY question"
AGG10="SELECT question, bench_v10.answer_agg(answer) FROM public.survey_bench GROUP BY question"
AGGW10="SELECT question, bench_v10.answer_agg(answer, weight) FROM public.survey_bench GROUP BY question"
# the best plain SQL for the same figures: counts per (question, answer), the base
# (respondents) and missing per question by window sums, shares and Wilson limits
PLAIN="SELECT question, answer, n, base, n::float8 / base AS share,
              (n::float8 / base + z*z / (2*base) - z * sqrt(n::float8 / base * (1 - n::float8 / base) / base + z*z / (4.0*base*base))) / (1 + z*z / base) AS lower,
              (n::float8 / base + z*z / (2*base) + z * sqrt(n::float8 / base * (1 - n::float8 / base) / base + z*z / (4.0*base*base))) / (1 + z*z / base) AS upper,
              missing
         FROM (SELECT question, answer, n,
                      sum(n) FILTER (WHERE answer IS NOT NULL) OVER (PARTITION BY question) AS base,
                      sum(n) FILTER (WHERE answer IS NULL) OVER (PARTITION BY question) AS missing,
                      1.959963984540054::float8 AS z
                 FROM (SELECT question, answer, count(*) AS n FROM public.survey_bench GROUP BY question, answer) c) w
        WHERE answer IS NOT NULL"
FULL="SELECT question, c.category, c.count, iscm.respondents(s) AS base, c.share,
             iscm.ci_lower(s, c.category) AS lower, iscm.ci_upper(s, c.category) AS upper, iscm.missing(s) AS missing
        FROM ($AGG) a(question, s), iscm.categories(s) c"

echo "rows: $ROWS; $REPS rounds, each running every query once in turn (warm-up round not counted);"
echo "times are medians (ms), ratios are medians of the per-round ratios"
psql_q <<SQL
CREATE TEMP TABLE queries (name text PRIMARY KEY, workers int, q text);
INSERT INTO queries VALUES
  ('count',    0, \$q\$$COUNT\$q\$),
  ('agg',      0, \$q\$$AGG\$q\$),
  ('aggw',     0, \$q\$$AGGW\$q\$),
  ('plain',    0, \$q\$$PLAIN\$q\$),
  ('accessors', 0, \$q\$$FULL\$q\$),
  ('agg_par',  2, \$q\$$AGG\$q\$),
  ('agg_v10',  0, \$q\$$AGG10\$q\$),
  ('aggw_v10', 0, \$q\$$AGGW10\$q\$),
  ('agg_par_v10', 2, \$q\$$AGG10\$q\$),
  ('count_par', 2, \$q\$$COUNT\$q\$);
CREATE TEMP TABLE times (round int, name text, ms float8);
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
DO \$\$
DECLARE
    r record;
    t0 timestamptz;
    n bigint;
BEGIN
    FOR round IN 0 .. $REPS LOOP
        FOR r IN SELECT * FROM queries ORDER BY name LOOP
            PERFORM set_config('max_parallel_workers_per_gather', r.workers::text, true);
            t0 := clock_timestamp();
            EXECUTE 'SELECT count(*) FROM (' || r.q || ') s' INTO n;
            IF round > 0 THEN
                INSERT INTO times VALUES (round, r.name, extract(epoch FROM clock_timestamp() - t0) * 1000);
            END IF;
        END LOOP;
    END LOOP;
END \$\$;
\pset footer off
\pset tuples_only off
\pset format aligned
SELECT q.name AS query, CASE q.workers WHEN 0 THEN 'serial' ELSE q.workers || ' workers' END AS plan,
       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY t.ms)::numeric, 0) AS median_ms
  FROM queries q JOIN times t USING (name) GROUP BY q.name, q.workers ORDER BY q.workers, median_ms;
CREATE TEMP VIEW per_round AS
SELECT round, (SELECT ms FROM times t WHERE t.round = r.round AND name = 'count') AS count,
       (SELECT ms FROM times t WHERE t.round = r.round AND name = 'agg') AS agg,
       (SELECT ms FROM times t WHERE t.round = r.round AND name = 'aggw') AS aggw,
       (SELECT ms FROM times t WHERE t.round = r.round AND name = 'plain') AS plain,
       (SELECT ms FROM times t WHERE t.round = r.round AND name = 'accessors') AS accessors,
       (SELECT ms FROM times t WHERE t.round = r.round AND name = 'agg_par') AS agg_par,
       (SELECT ms FROM times t WHERE t.round = r.round AND name = 'count_par') AS count_par,
       (SELECT ms FROM times t WHERE t.round = r.round AND name = 'agg_v10') AS agg_v10,
       (SELECT ms FROM times t WHERE t.round = r.round AND name = 'aggw_v10') AS aggw_v10,
       (SELECT ms FROM times t WHERE t.round = r.round AND name = 'agg_par_v10') AS agg_par_v10
  FROM (SELECT DISTINCT round FROM times) r;
SELECT 'answer_agg / count(*), same GROUP BY (target <= 1.30)' AS ratio,
       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY agg / count)::numeric, 2) AS median FROM per_round
UNION ALL
SELECT 'weighted answer_agg / count(*)',
       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY aggw / count)::numeric, 2) FROM per_round
UNION ALL
SELECT '1.0 answer_agg (internal state) / count(*)',
       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY agg_v10 / count)::numeric, 2) FROM per_round
UNION ALL
SELECT '1.0 weighted answer_agg / count(*)',
       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY aggw_v10 / count)::numeric, 2) FROM per_round
UNION ALL
SELECT 'answer_agg 1.1 / 1.0 (target <= 1.00)',
       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY agg / agg_v10)::numeric, 2) FROM per_round
UNION ALL
SELECT 'weighted answer_agg 1.1 / 1.0 (target <= 1.00)',
       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY aggw / aggw_v10)::numeric, 2) FROM per_round
UNION ALL
SELECT 'answer_agg with 2 workers 1.1 / 1.0',
       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY agg_par / agg_par_v10)::numeric, 2) FROM per_round
UNION ALL
SELECT 'answer_agg + accessors / best plain SQL (target <= 1.00)',
       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY accessors / plain)::numeric, 2) FROM per_round
UNION ALL
SELECT 'answer_agg speed-up, serial / 2 workers (target > 1)',
       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY agg / agg_par)::numeric, 2) FROM per_round
UNION ALL
SELECT 'count(*) speed-up, serial / 2 workers (for comparison)',
       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY count / count_par)::numeric, 2) FROM per_round;
SQL

# ---- every aggregate, 1.1 (state type = the summary) / 1.0 (internal) ------------------
echo
echo "every iscm aggregate on $MROWS rows of the same data (GROUP BY question), 1.1 / 1.0;"
echo "medians of $REPS rounds (warm-up not counted)"
psql_q <<SQL
DROP TABLE IF EXISTS public.survey_bench_m, public.survey_bench_s;
CREATE TABLE public.survey_bench_m AS
SELECT question, answer, weight,
       CASE WHEN answer IS NULL THEN NULL WHEN answer = 'intends' THEN ARRAY['yes', 'intends'] ELSE ARRAY[answer] END AS choices,
       lag(answer) OVER () AS before,
       (ARRAY['1.1', '1.2', '2.11', '2.20', '3.10', '4.10'])[1 + (length(coalesce(answer, '')) + question) % 6] AS disposition,
       ((ARRAY['BEL', 'CIV', 'FRA', 'MEX', 'PHL', 'SEN', 'USA'])[1 + question % 7])::iscm.country AS country,
       ('{' || (ARRAY['BEL', 'CIV', 'FRA', 'MEX', 'PHL', 'SEN', 'USA'])[1 + question % 7] || ',SEN}')::iscm.country_set AS cset
  FROM (SELECT * FROM public.survey_bench LIMIT $MROWS) b;
CREATE TABLE public.survey_bench_s AS
SELECT question, iscm.answer_agg(answer) AS s, iscm.transition_agg(before, answer) AS t,
       iscm.disposition_agg(disposition) AS d
  FROM (SELECT *, row_number() OVER () / 10 AS part FROM public.survey_bench_m) m GROUP BY question, part;
VACUUM ANALYZE public.survey_bench_m;
VACUUM ANALYZE public.survey_bench_s;
CREATE TEMP TABLE aggs (ord int, name text, call text, tab text);
INSERT INTO aggs VALUES
  (1, 'answer_agg(text)', 'answer_agg(answer)', 'm'),
  (2, 'answer_agg(text, float8)', 'answer_agg(answer, weight)', 'm'),
  (3, 'choices_agg(text[])', 'choices_agg(choices)', 'm'),
  (4, 'choices_agg(text[], float8)', 'choices_agg(choices, weight)', 'm'),
  (5, 'transition_agg(text, text)', 'transition_agg(before, answer)', 'm'),
  (6, 'disposition_agg(text)', 'disposition_agg(disposition)', 'm'),
  (7, 'country_set_agg(country)', 'country_set_agg(country)', 'm'),
  (8, 'union_agg(country_set)', 'union_agg(cset)', 'm'),
  (9, 'intersection_agg(country_set)', 'intersection_agg(cset)', 'm'),
  (10, 'rollup(answer_summary)', 'rollup(s)', 's'),
  (11, 'rollup(transition_summary)', 'rollup(t)', 's'),
  (12, 'rollup(disposition_summary)', 'rollup(d)', 's');
CREATE TEMP TABLE mtimes (round int, ord int, version text, ms float8, result text);
SET max_parallel_workers_per_gather = 0;
DO \$\$
DECLARE
    a record;
    t0 timestamptz;
    res text;
    v text;
BEGIN
    FOR round IN 0 .. $REPS LOOP
        FOR a IN SELECT * FROM aggs ORDER BY ord LOOP
            -- each version first in every other round, so that neither always runs on a warmer cache
            FOREACH v IN ARRAY CASE WHEN round % 2 = 0 THEN ARRAY['iscm', 'bench_v10'] ELSE ARRAY['bench_v10', 'iscm'] END LOOP
                t0 := clock_timestamp();
                EXECUTE format('SELECT string_agg(r::text, '','' ORDER BY question) FROM (SELECT question, %s.%s AS r FROM public.survey_bench_%s GROUP BY question) x',
                               v, a.call, a.tab) INTO res;
                IF round > 0 THEN
                    INSERT INTO mtimes VALUES (round, a.ord, v, extract(epoch FROM clock_timestamp() - t0) * 1000, md5(res));
                END IF;
            END LOOP;
        END LOOP;
    END LOOP;
END \$\$;
\pset footer off
\pset tuples_only off
\pset format aligned
SELECT a.name AS aggregate,
       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY n.ms)::numeric, 0) AS ms_1_1,
       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY o.ms)::numeric, 0) AS ms_1_0,
       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY n.ms / o.ms)::numeric, 2) AS ratio_1_1_over_1_0,
       CASE WHEN bool_and(n.result = o.result) THEN 'same' ELSE 'DIFFERENT' END AS results
  FROM aggs a JOIN mtimes n ON n.ord = a.ord AND n.version = 'iscm'
  JOIN mtimes o ON o.ord = a.ord AND o.version = 'bench_v10' AND o.round = n.round
 GROUP BY a.ord, a.name ORDER BY a.ord;
DROP TABLE public.survey_bench_m, public.survey_bench_s;
DROP SCHEMA bench_v10 CASCADE;
SQL
