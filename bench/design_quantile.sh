#!/bin/bash
# Quantile benchmark: ratios measured in one run on the same data.
#
#   tools/run-bench design_quantile
#
# Table design_quantile_bench: ROWS numeric answers (default 2M) to 20
# questions, a weight per row, 1,000 PSUs in 50 strata, 5% NULL values, rows in
# no order of PSU.  Prints, as medians of REPS rounds (default 3), serial plans:
#   design_quantile_agg / percentile_cont(0.5)      same GROUP BY question
#   design_quantile_agg + median, its SE and Woodruff limits / percentile_cont(0.5)
# percentile_cont is PostgreSQL's own (unweighted, no design) median: the
# baseline of what a sort-based quantile costs in the same run.
set -eu
ROWS=${ROWS:-2000000}
REPS=${REPS:-3}
DB=${PGDATABASE:-postgres}
psql_q() { PGOPTIONS="-c client_min_messages=warning" psql -X -q -At -v ON_ERROR_STOP=1 -d "$DB" "$@"; }

psql_q -c "SET client_min_messages = warning; CREATE EXTENSION IF NOT EXISTS iscm"
have=0
if [ -n "$(psql_q -c "SELECT to_regclass('public.design_quantile_bench')")" ]; then
    have=$(psql_q -c "SELECT count(*) FROM public.design_quantile_bench")
fi
if [ "$have" != "$ROWS" ]; then
    echo "generating $ROWS answers ..."
    psql_q <<SQL
DROP TABLE IF EXISTS public.design_quantile_bench;
CREATE TABLE public.design_quantile_bench AS
SELECT (g % 20) AS question,
       CASE WHEN h < 0.05 THEN NULL ELSE round((1000 * h * (1 + p % 7))::numeric, 2)::float8 END AS y,
       0.5 + (g % 7) * 0.25 AS weight,
       's' || (p % 50) AS stratum, 'p' || p AS psu
  FROM (SELECT g, random() AS h, ((g::int8 / 20) * 7919) % 1000 AS p FROM generate_series(1, $ROWS) g) s;
VACUUM ANALYZE public.design_quantile_bench;
SQL
fi

BASE="SELECT question, percentile_cont(0.5) WITHIN GROUP (ORDER BY y) FROM public.design_quantile_bench GROUP BY question"
AGG="SELECT question, iscm.design_quantile_agg(y, weight, stratum, psu) FROM public.design_quantile_bench GROUP BY question"
FULL="SELECT question, iscm.quantile(s, 0.5), iscm.quantile_se(s, 0.5), iscm.quantile_ci_lower(s, 0.5),
             iscm.quantile_ci_upper(s, 0.5) FROM ($AGG) a(question, s)"

echo "rows: $ROWS; $REPS rounds, each running every query once in turn (warm-up round not counted);"
echo "times are medians (ms), ratios are medians of the per-round ratios"
psql_q <<SQL
CREATE TEMP TABLE queries (name text PRIMARY KEY, q text);
INSERT INTO queries VALUES ('percentile_cont', \$q\$$BASE\$q\$), ('agg', \$q\$$AGG\$q\$), ('accessors', \$q\$$FULL\$q\$);
CREATE TEMP TABLE times (round int, name text, ms float8);
SET max_parallel_workers_per_gather = 0;
SET work_mem = '256MB';
DO \$\$
DECLARE
    r record;
    t0 timestamptz;
    n bigint;
BEGIN
    FOR round IN 0 .. $REPS LOOP
        FOR r IN SELECT * FROM queries ORDER BY name LOOP
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
SELECT name AS query, round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::numeric, 0) AS median_ms
  FROM times GROUP BY name ORDER BY median_ms;
CREATE TEMP VIEW per_round AS
SELECT round, (SELECT ms FROM times t WHERE t.round = r.round AND name = 'percentile_cont') AS base,
       (SELECT ms FROM times t WHERE t.round = r.round AND name = 'agg') AS agg,
       (SELECT ms FROM times t WHERE t.round = r.round AND name = 'accessors') AS accessors
  FROM (SELECT DISTINCT round FROM times) r;
SELECT 'design_quantile_agg / percentile_cont(0.5), same GROUP BY' AS ratio,
       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY agg / base)::numeric, 2) AS median FROM per_round
UNION ALL
SELECT 'design_quantile_agg + quantile, SE, limits / percentile_cont(0.5)',
       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY accessors / base)::numeric, 2) FROM per_round;
SQL
psql_q -c "DROP TABLE public.design_quantile_bench"
