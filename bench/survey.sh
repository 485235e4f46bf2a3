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
set -eu
ROWS=${ROWS:-10000000}
REPS=${REPS:-3}
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

COUNT="SELECT question, count(*) FROM public.survey_bench GROUP BY question"
AGG="SELECT question, iscm.answer_agg(answer) FROM public.survey_bench GROUP BY question"
AGGW="SELECT question, iscm.answer_agg(answer, weight) FROM public.survey_bench GROUP BY question"
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
       (SELECT ms FROM times t WHERE t.round = r.round AND name = 'count_par') AS count_par
  FROM (SELECT DISTINCT round FROM times) r;
SELECT 'answer_agg / count(*), same GROUP BY (target <= 1.30)' AS ratio,
       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY agg / count)::numeric, 2) AS median FROM per_round
UNION ALL
SELECT 'weighted answer_agg / count(*)',
       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY aggw / count)::numeric, 2) FROM per_round
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
