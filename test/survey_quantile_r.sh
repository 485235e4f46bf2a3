#!/bin/bash
# svyciprop(method = "likelihood") on iscm.design_summary and the quantiles
# of iscm.design_sample against R's survey package.
#   Likelihood: test/r_reference/quantile_likelihood.csv, on the designs of
#   test/r_reference/design_data.csv; iscm's limits agree to 1e-9 with R's
#   computation when R's quasibinomial fit is started at its maximum, and
#   within 1e-5 with svyciprop itself, whose fit stops when the deviance
#   changes by less than 1e-8 relatively (tools/survey_quantile_reference.R).
# With R and survey installed the figures are computed by R now; otherwise the
# committed R output is used.  NA in R is NULL in iscm.
#   Quantiles: test/r_reference/quantile_figures.csv, svyquantile's estimate,
#   Woodruff limits and SE on the designs of test/r_reference/quantile_data.csv
#   at nine p and two levels; agreement to 1e-9 * max(1, |R|).
. "$(dirname "$0")/lib/common.sh"
set -e
db=iscm_rel_survey_quantile_r
ref=$ISCM_TOP/test/r_reference
dir=$ref
if command -v Rscript >/dev/null && Rscript -e 'library(survey)' >/dev/null 2>&1; then
    dir=$ISCM_TMP/quantile_r
    mkdir -p "$dir"
    cp "$ref/design_data.csv" "$ref/quantile_data.csv" "$dir/"
    Rscript "$ISCM_TOP/tools/survey_quantile_reference.R" "$dir"
    echo "figures computed by R $(Rscript -e 'cat(as.character(getRversion()), as.character(packageVersion("survey")))')"
else
    echo "R with survey not installed: comparing with the committed R output"
fi
new_db "$db"
psql_q "$db" -c 'CREATE EXTENSION iscm' \
    -c 'CREATE TABLE cases (case_name text, answer text, weight float8, stratum text, psu text, fpc float8)' \
    -c 'CREATE TABLE lik (case_name text, lonely_psu text, category text, level float8,
                          lower float8, upper float8, lower_at_mle float8, upper_at_mle float8)'
grep -v '^#' "$ref/design_data.csv" | psql_q "$db" -c "\\copy cases FROM STDIN WITH (FORMAT csv, HEADER)"
psql_q "$db" -c "\\copy lik FROM '$dir/quantile_likelihood.csv' WITH (FORMAT csv, HEADER, NULL 'NA')"
out=$(psql_val "$db" "$(cat <<'SQL'
WITH d AS (
  SELECT case_name,
         CASE WHEN case_name NOT LIKE 'mc\_%' THEN NULL
              WHEN bool_and(fpc IS NULL) THEN iscm.design_choices_agg(
                  CASE WHEN answer = '{}' THEN '{}'::text[] ELSE string_to_array(answer, ';') END, weight, stratum, psu)
              ELSE iscm.design_choices_agg(
                  CASE WHEN answer = '{}' THEN '{}'::text[] ELSE string_to_array(answer, ';') END,
                  weight, stratum, psu, fpc) FILTER (WHERE fpc IS NOT NULL) END AS m,
         CASE WHEN bool_and(psu IS NULL) AND bool_and(stratum IS NULL) AND bool_and(fpc IS NULL)
              THEN iscm.design_agg(answer, weight)
              WHEN bool_and(fpc IS NULL) THEN iscm.design_agg(answer, weight, stratum, psu)
              ELSE iscm.design_agg(answer, weight, stratum, psu, fpc) FILTER (WHERE fpc IS NOT NULL) END AS s
    FROM cases WHERE case_name NOT LIKE 'num\_%' AND case_name NOT LIKE 'chisq\_%' GROUP BY case_name
), mine AS (
  SELECT l.*, iscm.ci_lower(coalesce(d.m, d.s), l.category, 'likelihood', l.level, l.lonely_psu) AS il,
         iscm.ci_upper(coalesce(d.m, d.s), l.category, 'likelihood', l.level, l.lonely_psu) AS iu
    FROM lik l JOIN d USING (case_name)
)
SELECT format('%s %s %s %s: R at the maximum [%s, %s], iscm [%s, %s]', case_name, lonely_psu, category, level,
              lower_at_mle, upper_at_mle, il, iu)
  FROM mine
 WHERE NOT ((il IS NULL AND lower_at_mle IS NULL) OR abs(il - lower_at_mle) <= 1e-9)
    OR NOT ((iu IS NULL AND upper_at_mle IS NULL) OR abs(iu - upper_at_mle) <= 1e-9)
UNION ALL
SELECT format('%s %s %s %s: svyciprop [%s, %s], iscm [%s, %s] (more than 1e-5 apart)', case_name, lonely_psu,
              category, level, lower, upper, il, iu)
  FROM mine
 WHERE NOT ((il IS NULL AND lower IS NULL) OR abs(il - lower) <= 1e-5)
    OR NOT ((iu IS NULL AND upper IS NULL) OR abs(iu - upper) <= 1e-5)
UNION ALL
SELECT format('~ likelihood: %s intervals; largest difference %s from R at the maximum, %s from svyciprop',
              count(*), max(greatest(abs(il - lower_at_mle), abs(iu - upper_at_mle))),
              max(greatest(abs(il - lower), abs(iu - upper))))
  FROM mine
 ORDER BY 1
SQL
)")
echo "$out" | grep '^~' | sed 's/^~ //'
bad=$(echo "$out" | grep -v '^~' || true)
if [ -n "$bad" ]; then
    echo "$bad" | head -40
    echo "$(echo "$bad" | wc -l) likelihood intervals differ from R"
    exit 1
fi

psql_q "$db" -c 'CREATE TABLE qcases (case_name text, y float8, weight float8, stratum text, psu text, fpc float8)' \
    -c 'CREATE TABLE qfig (case_name text, lonely_psu text, p float8, level float8,
                           quantile float8, ci_lower float8, ci_upper float8, se float8)'
grep -v '^#' "$ref/quantile_data.csv" | psql_q "$db" -c "\\copy qcases FROM STDIN WITH (FORMAT csv, HEADER)"
psql_q "$db" -c "\\copy qfig FROM '$dir/quantile_figures.csv' WITH (FORMAT csv, HEADER, NULL 'NA')"
out=$(psql_val "$db" "$(cat <<'SQL'
WITH d AS (
  SELECT case_name,
         CASE WHEN bool_and(psu IS NULL) AND bool_and(stratum IS NULL) AND bool_and(fpc IS NULL)
              THEN iscm.design_quantile_agg(y, weight)
              WHEN bool_and(fpc IS NULL) THEN iscm.design_quantile_agg(y, weight, stratum, psu)
              ELSE iscm.design_quantile_agg(y, weight, stratum, psu, fpc) FILTER (WHERE fpc IS NOT NULL) END AS s
    FROM qcases GROUP BY case_name
), mine AS (
  SELECT f.*, v.*
    FROM qfig f JOIN d USING (case_name),
         LATERAL (VALUES ('quantile', f.quantile, iscm.quantile(d.s, f.p)),
                         ('ci_lower', f.ci_lower, iscm.quantile_ci_lower(d.s, f.p, f.level, f.lonely_psu)),
                         ('ci_upper', f.ci_upper, iscm.quantile_ci_upper(d.s, f.p, f.level, f.lonely_psu)),
                         ('se', f.se, iscm.quantile_se(d.s, f.p, f.level, f.lonely_psu))) v(figure, r, i)
)
SELECT format('%s %s p=%s level=%s %s: R %s, iscm %s', case_name, lonely_psu, p, level, figure, r, i)
  FROM mine
 WHERE NOT ((r IS NULL AND i IS NULL) OR abs(r - i) <= 1e-9 * greatest(1, abs(r)))
UNION ALL
SELECT format('~ quantiles: %s figures; largest difference %s (scaled by max(1, |R|)), %s NULL in both',
              count(*), max(abs(r - i) / greatest(1, abs(r))), count(*) FILTER (WHERE r IS NULL AND i IS NULL))
  FROM mine
 ORDER BY 1
SQL
)")
echo "$out" | grep '^~' | sed 's/^~ //'
bad=$(echo "$out" | grep -v '^~' || true)
if [ -n "$bad" ]; then
    echo "$bad" | head -40
    echo "$(echo "$bad" | wc -l) quantile figures differ from R"
    exit 1
fi
