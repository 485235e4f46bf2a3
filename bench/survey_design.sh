#!/bin/bash
# Design aggregate benchmark: ratios measured in one run on the same data.
#
#   tools/run-bench survey_design
#
# Table survey_design_bench: ROWS answers (default 10M) to 20 questions,
# categories yes / no / intends / NULL, a weight per answer, 1,000 PSUs in 50
# strata (20 PSUs each), rows in no particular order of PSU (the worst case:
# every row looks its PSU up).  Prints, as medians of REPS rounds (default 3):
#   design_agg / count(*)     same GROUP BY question, serial  (issue: <= 1.5)
#   design_agg + accessors / count(*)   share, SE, deff, degf and a logit interval per category
# and, when R with survey is installed, R / iscm on RROWS answers (default 1M)
# (the first RROWS rows, all questions together, as one item): svydesign + svymean (SE, deff) + svyciprop per category
# against design_agg + the same accessors, the figures checked to 1e-9.
set -eu
ROWS=${ROWS:-10000000}
RROWS=${RROWS:-1000000}
REPS=${REPS:-3}
DB=${PGDATABASE:-postgres}
TMP=${ISCM_TMP:-$(mktemp -d)}
psql_q() { PGOPTIONS="-c client_min_messages=warning" psql -X -q -At -v ON_ERROR_STOP=1 -d "$DB" "$@"; }

psql_q -c "SET client_min_messages = warning; CREATE EXTENSION IF NOT EXISTS iscm"
have=0
if [ -n "$(psql_q -c "SELECT to_regclass('public.survey_design_bench')")" ]; then
    have=$(psql_q -c "SELECT count(*) FROM public.survey_design_bench")
fi
if [ "$have" != "$ROWS" ]; then
    echo "generating $ROWS answers ..."
    psql_q <<SQL
DROP TABLE IF EXISTS public.survey_design_bench;
CREATE TABLE public.survey_design_bench AS
SELECT (g % 20) AS question,
       CASE WHEN h < 0.04 THEN NULL WHEN h < 0.50 + (p % 7) * 0.02 THEN 'yes' WHEN h < 0.85 THEN 'no' ELSE 'intends' END AS answer,
       0.5 + (g % 7) * 0.25 AS weight,
       's' || (p % 50) AS stratum, 'p' || p AS psu
  FROM (SELECT g, random() AS h, ((g::int8 / 20) * 7919) % 1000 AS p FROM generate_series(1, $ROWS) g) s;
VACUUM ANALYZE public.survey_design_bench;
SQL
fi

COUNT="SELECT question, count(*) FROM public.survey_design_bench GROUP BY question"
AGG="SELECT question, iscm.design_agg(answer, weight, stratum, psu) FROM public.survey_design_bench GROUP BY question"
FULL="SELECT question, c, iscm.share(s, c), iscm.se(s, c), iscm.deff(s, c), iscm.degf(s), iscm.ci_lower(s, c), iscm.ci_upper(s, c)
        FROM ($AGG) a(question, s), unnest(ARRAY['yes', 'no', 'intends']) c"

echo "rows: $ROWS; $REPS rounds, each running every query once in turn (warm-up round not counted);"
echo "times are medians (ms), ratios are medians of the per-round ratios"
psql_q <<SQL
CREATE TEMP TABLE queries (name text PRIMARY KEY, q text);
INSERT INTO queries VALUES ('count', \$q\$$COUNT\$q\$), ('agg', \$q\$$AGG\$q\$), ('accessors', \$q\$$FULL\$q\$);
CREATE TEMP TABLE times (round int, name text, ms float8);
SET max_parallel_workers_per_gather = 0;
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
SELECT round, (SELECT ms FROM times t WHERE t.round = r.round AND name = 'count') AS count,
       (SELECT ms FROM times t WHERE t.round = r.round AND name = 'agg') AS agg,
       (SELECT ms FROM times t WHERE t.round = r.round AND name = 'accessors') AS accessors
  FROM (SELECT DISTINCT round FROM times) r;
SELECT 'design_agg / count(*), same GROUP BY (target <= 1.50)' AS ratio,
       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY agg / count)::numeric, 2) AS median FROM per_round
UNION ALL
SELECT 'design_agg + accessors / count(*)',
       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY accessors / count)::numeric, 2) FROM per_round;
SQL

if ! command -v Rscript >/dev/null || ! Rscript -e 'library(survey)' >/dev/null 2>&1; then
    echo "R with the survey package is not installed (apt-get install r-cran-survey): R comparison skipped"
    exit 0
fi
psql_q -c "DROP TABLE IF EXISTS public.survey_design_r" \
       -c "CREATE TABLE public.survey_design_r AS SELECT answer, weight, stratum, psu FROM public.survey_design_bench LIMIT $RROWS" \
       -c "VACUUM ANALYZE public.survey_design_r"
psql_q -c "\\copy public.survey_design_r TO '$TMP/design_r.csv' WITH (FORMAT csv, HEADER)"
psql_q >"$TMP/design_iscm.csv" <<SQL
\pset fieldsep ','
CREATE TEMP TABLE timing AS SELECT clock_timestamp() AS t0;
CREATE TEMP TABLE figures AS
WITH d AS (SELECT iscm.design_agg(answer, weight, stratum, psu) AS s FROM public.survey_design_r)
SELECT c, iscm.share(s, c) AS share, iscm.se(s, c) AS se, iscm.deff(s, c) AS deff,
       iscm.ci_lower(s, c) AS lower, iscm.ci_upper(s, c) AS upper
  FROM d, unnest(ARRAY['intends', 'no', 'yes']) c;
SELECT 'ms', extract(epoch FROM clock_timestamp() - t0) * 1000, '', '', '', '' FROM timing;
SELECT * FROM figures ORDER BY c;
SQL
cat >"$TMP/design.R" <<'R'
suppressMessages(library(survey))
args <- commandArgs(TRUE)
d <- read.csv(args[1], stringsAsFactors = FALSE, na.strings = "")
t0 <- proc.time()[["elapsed"]]
des <- svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, data = d, nest = TRUE)
dd <- subset(des, !is.na(answer))
out <- NULL
for (c in c("intends", "no", "yes")) {
  dd$variables$y <- as.numeric(dd$variables$answer == c)
  m <- svymean(~y, dd, deff = TRUE)
  ci <- attr(svyciprop(~I(y == 1), dd, method = "logit"), "ci")
  out <- rbind(out, c(coef(m)[[1]], SE(m)[[1]], deff(m)[[1]], ci[[1]], ci[[2]]))
}
ms <- (proc.time()[["elapsed"]] - t0) * 1000
cat("ms,", ms, "\n", sep = "")
for (i in seq_len(nrow(out))) cat(paste(formatC(out[i, ], digits = 17, format = "g"), collapse = ","), "\n", sep = "")
R
Rscript "$TMP/design.R" "$TMP/design_r.csv" >"$TMP/design_r.out"
python3 - "$TMP/design_iscm.csv" "$TMP/design_r.out" "$RROWS" <<'PY'
import sys
iscm = [l.strip().split(',') for l in open(sys.argv[1]) if l.strip()]
r = [l.strip().split(',') for l in open(sys.argv[2]) if l.strip()]
iscm_ms = float(iscm[0][1]); r_ms = float(r[0][1])
worst = 0.0
for a, b in zip(iscm[1:], r[1:]):
    for x, y in zip(a[1:], b):
        worst = max(worst, abs(float(x) - float(y)))
print(f"R / iscm on {sys.argv[3]} answers (svydesign + svymean + svyciprop, 3 categories): "
      f"R {r_ms:.0f} ms, iscm {iscm_ms:.0f} ms, ratio {r_ms / iscm_ms:.1f} (target >= 20); "
      f"largest difference {worst:.2e} (target <= 1e-9)")
sys.exit(0 if worst <= 1e-9 else 1)
PY
psql_q -c "DROP TABLE public.survey_design_r"
