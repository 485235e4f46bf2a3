#!/bin/bash
# iscm survey aggregates against R's survey package (Debian r-cran-survey) on
# the same 1M answers: shares and intervals must agree to 1e-9; prints the
# time ratio.
#
#   ISCM_KEEP=1 tools/run-tests survey_agg && . .tmp/env && bench/survey_vs_r.sh
#
# R side (timed after reading the CSV):
#   unweighted counts   table(answer)
#   Wilson interval     prop.test(x, n, correct = FALSE)   (score interval, no continuity correction)
#   Clopper-Pearson     binom.test(x, n)
#   weighted shares     svymean(~answer, svydesign(ids = ~1, weights = ~weight))
# iscm side (timed in the server): answer_agg(answer), answer_agg(answer, weight)
# and the accessors count, respondents, share, ci_lower, ci_upper.
set -eu
ROWS=${ROWS:-1000000}
DB=${PGDATABASE:-postgres}
TMP=${ISCM_TMP:-$(mktemp -d)}
psql_q() { PGOPTIONS="-c client_min_messages=warning" psql -X -q -At -v ON_ERROR_STOP=1 -d "$DB" "$@"; }

if ! command -v Rscript >/dev/null || ! Rscript -e 'library(survey)' >/dev/null 2>&1; then
    echo "R with the survey package is not installed (apt-get install r-cran-survey): skipped"
    exit 0
fi

psql_q -c "SET client_min_messages = warning; CREATE EXTENSION IF NOT EXISTS iscm"
psql_q <<SQL
DROP TABLE IF EXISTS public.survey_vs_r;
CREATE TABLE public.survey_vs_r AS
SELECT g AS id,
       CASE WHEN h < 0.03 THEN NULL WHEN h < 0.48 THEN 'yes' WHEN h < 0.84 THEN 'no' ELSE 'intends' END AS answer,
       round((0.2 + 3 * random())::numeric, 3)::float8 AS weight
  FROM (SELECT g, random() AS h FROM generate_series(1, $ROWS) g) s;
VACUUM ANALYZE public.survey_vs_r;
SQL
psql_q -c "\\copy public.survey_vs_r TO '$TMP/answers.csv' WITH (FORMAT csv, HEADER)"

# iscm: figures and server-side time of the whole computation
psql_q >"$TMP/iscm.csv" <<'SQL'
\pset fieldsep ','
\pset tuples_only on
CREATE TEMP TABLE timing AS SELECT clock_timestamp() AS t0;
CREATE TEMP TABLE figures AS
WITH s AS (SELECT iscm.answer_agg(answer) AS plain, iscm.answer_agg(answer, weight) AS weighted FROM public.survey_vs_r)
SELECT c.category, c.count, iscm.respondents(plain) AS n, c.share,
       iscm.ci_lower(plain, c.category) AS wilson_lower, iscm.ci_upper(plain, c.category) AS wilson_upper,
       iscm.ci_lower(plain, c.category, 'clopper_pearson') AS cp_lower,
       iscm.ci_upper(plain, c.category, 'clopper_pearson') AS cp_upper,
       iscm.share(weighted, c.category) AS weighted_share
  FROM s, iscm.categories(plain) c;
SELECT 'ms', extract(epoch FROM clock_timestamp() - t0) * 1000, '', '', '', '', '', '', '' FROM timing;
SELECT category, count, n, share, wilson_lower, wilson_upper, cp_lower, cp_upper, weighted_share
  FROM figures ORDER BY category;
SQL

cat >"$TMP/survey.R" <<'R'
suppressMessages(library(survey))
args <- commandArgs(TRUE)
d <- read.csv(args[1], stringsAsFactors = FALSE, na.strings = "")
t0 <- proc.time()[["elapsed"]]
answered <- d[!is.na(d$answer), ]
counts <- table(answered$answer)
n <- nrow(answered)
t1 <- proc.time()[["elapsed"]]
design <- svydesign(ids = ~1, weights = ~weight, data = answered)
wmean <- svymean(~answer, design)
t2 <- proc.time()[["elapsed"]]
rows <- lapply(names(counts), function(cat) {
  x <- counts[[cat]]
  w <- suppressWarnings(prop.test(x, n, correct = FALSE))$conf.int
  cp <- binom.test(x, n)$conf.int
  c(x, n, x / n, w[1], w[2], cp[1], cp[2], coef(wmean)[[paste0("answer", cat)]])
})
elapsed <- (proc.time()[["elapsed"]] - t0) * 1000
cat(sprintf("ms,%.17g,%.17g,,,,,,\n", elapsed, (t2 - t1) * 1000))
for (i in seq_along(rows))
  cat(names(counts)[i], paste(sprintf("%.17g", rows[[i]]), collapse = ","), sep = ",", "\n")
R
Rscript "$TMP/survey.R" "$TMP/answers.csv" | sed 's/ *$//' >"$TMP/r.csv"

awk -F, '
  NR == FNR { if ($1 == "ms") { rms = $2; rsvy = $3 } else for (i = 2; i <= 9; i++) r[$1, i] = $i; next }
  $1 == "ms" { ims = $2; next }
  {
    cats++
    for (i = 2; i <= 9; i++) {
      d = $i - r[$1, i]; if (d < 0) d = -d
      if (d > maxd) maxd = d
      if (d > 1e-9) { bad++; printf "DISAGREE %s column %d: iscm %s R %s\n", $1, i, $i, r[$1, i] }
    }
  }
  END {
    printf "categories compared: %d, figures: %d, max |iscm - R| = %.3g (tolerance 1e-9): %s\n",
           cats, cats * 8, maxd, bad ? "FAIL" : "ok"
    printf "time: iscm %.0f ms (both summaries and all accessors, one scan), R %.0f ms (of which svydesign + svymean %.0f ms)\n", ims, rms, rsvy
    printf "ratio R / iscm = %.1f\n", rms / ims
    exit bad ? 1 : 0
  }' "$TMP/r.csv" "$TMP/iscm.csv"
