#!/bin/bash
# iscm.design_summary against R's survey package: every figure of
# test/r_reference/design_figures.csv (share, SE, total and its SE, design
# effects, degrees of freedom, svyciprop limits of five methods at three
# levels, under several lonely PSU rules) on the designs of
# test/r_reference/design_data.csv (R's data(api) and generated designs);
# for the num_* cases (numeric answers) the mean, its SE, design effects and
# confidence limits, and the total with its SE; the mc_* cases are
# multiple-choice items (design_choices_agg); the chisq_* cases pairs of
# answers for the Rao-Scott test (design_chisq); the as_* cases (ids = ~1,
# weights only) also compare the as_* figures of answer_summary (answer_agg,
# choices_agg; as_unw_* without weights) with R's svydesign(ids = ~1, weights
# = ~w): share, se, variance, cv, deff, total and total_se.
# With R and survey installed the figures are computed by R now
# (tools/survey_design_reference.R); otherwise the committed R output is used.
# Agreement: |iscm - R| <= 1e-9 * max(1, |R|) (absolute for shares, SEs and
# limits; relative for totals, which reach 1e8), NA in R is NULL in iscm, and
# R's Inf (deff of unweighted data) is Infinity.
. "$(dirname "$0")/lib/common.sh"
set -e
db=iscm_rel_survey_design_r
ref=$ISCM_TOP/test/r_reference
figures=$ref/design_figures.csv
if command -v Rscript >/dev/null && Rscript -e 'library(survey)' >/dev/null 2>&1; then
    mkdir -p "$ISCM_TMP/design_r"
    cp "$ref/design_data.csv" "$ISCM_TMP/design_r/"
    Rscript "$ISCM_TOP/tools/survey_design_reference.R" "$ISCM_TMP/design_r"
    figures=$ISCM_TMP/design_r/design_figures.csv
    echo "figures computed by R $(Rscript -e 'cat(as.character(getRversion()), as.character(packageVersion("survey")))')"
else
    echo "R with survey not installed: comparing with the committed R output"
fi
new_db "$db"
psql_q "$db" -c 'CREATE EXTENSION iscm' \
    -c 'CREATE TABLE cases (case_name text, answer text, weight float8, stratum text, psu text, fpc float8)' \
    -c 'CREATE TABLE raw_figures (case_name text, lonely_psu text, category text, figure text, level text, value text)'
grep -v '^#' "$ref/design_data.csv" | psql_q "$db" -c "\\copy cases FROM STDIN WITH (FORMAT csv, HEADER)"
psql_q "$db" -c "\\copy raw_figures FROM '$figures' WITH (FORMAT csv, HEADER)"
# R's NA is NULL; an empty level is none
psql_q "$db" -c "CREATE TABLE figures AS SELECT case_name, lonely_psu, category, figure,
                 nullif(level, '')::float8 AS level, nullif(value, 'NA')::float8 AS value FROM raw_figures"
psql_val "$db" "SELECT count(*) FROM figures" | sed 's/^/R figures: /'
out=$(psql_val "$db" "$(cat <<'SQL'
WITH d AS (
  SELECT case_name,
         CASE WHEN case_name NOT LIKE 'num\_%' THEN NULL
              WHEN bool_and(fpc IS NULL) THEN iscm.design_value_agg(CASE WHEN case_name LIKE 'num\_%' THEN answer::float8 END,
                                                                     weight, stratum, psu)
              ELSE iscm.design_value_agg(CASE WHEN case_name LIKE 'num\_%' THEN answer::float8 END,
                                         weight, stratum, psu, fpc) FILTER (WHERE fpc IS NOT NULL) END AS v,
         CASE WHEN case_name NOT LIKE 'chisq\_%' THEN NULL
              WHEN bool_and(fpc IS NULL) THEN iscm.design_agg(
                  iscm.answer_pair(split_part(answer, '|', 1), split_part(answer, '|', 2)), weight, stratum, psu)
              ELSE iscm.design_agg(iscm.answer_pair(split_part(answer, '|', 1), split_part(answer, '|', 2)),
                                   weight, stratum, psu, fpc) FILTER (WHERE fpc IS NOT NULL) END AS c,
         CASE WHEN case_name NOT LIKE 'mc\_%' THEN NULL
              WHEN bool_and(fpc IS NULL) THEN iscm.design_choices_agg(
                  CASE WHEN answer = '{}' THEN '{}'::text[] ELSE string_to_array(answer, ';') END, weight, stratum, psu)
              ELSE iscm.design_choices_agg(
                  CASE WHEN answer = '{}' THEN '{}'::text[] ELSE string_to_array(answer, ';') END,
                  weight, stratum, psu, fpc) FILTER (WHERE fpc IS NOT NULL) END AS m,
         CASE WHEN case_name NOT LIKE 'as\_%' THEN NULL
              WHEN case_name LIKE 'as\_mc\_unw%' THEN iscm.choices_agg(
                  CASE WHEN answer = '{}' THEN '{}'::text[] ELSE string_to_array(answer, ';') END)
              WHEN case_name LIKE 'as\_mc\_%' THEN iscm.choices_agg(
                  CASE WHEN answer = '{}' THEN '{}'::text[] ELSE string_to_array(answer, ';') END, weight)
              WHEN case_name LIKE 'as\_unw\_%' THEN iscm.answer_agg(answer)
              ELSE iscm.answer_agg(answer, weight) END AS a,
         CASE WHEN case_name LIKE 'as\_mc\_%' THEN iscm.design_choices_agg(
                  CASE WHEN answer = '{}' THEN '{}'::text[] ELSE string_to_array(answer, ';') END, weight)
              WHEN bool_and(psu IS NULL) AND bool_and(stratum IS NULL) AND bool_and(fpc IS NULL)
              THEN iscm.design_agg(answer, weight)
              WHEN bool_and(fpc IS NULL) THEN iscm.design_agg(answer, weight, stratum, psu)
              ELSE iscm.design_agg(answer, weight, stratum, psu, fpc) FILTER (WHERE fpc IS NOT NULL) END AS s
    FROM cases GROUP BY case_name
), mine AS (
  SELECT f.*,
         CASE f.figure
           WHEN 'degf' THEN iscm.degf(coalesce(d.v, d.s))::float8
           WHEN 'chisq_F_stat' THEN (iscm.design_chisq(d.c, 'F', f.lonely_psu)).stat
           WHEN 'chisq_F_ndf' THEN (iscm.design_chisq(d.c, 'F', f.lonely_psu)).ndf
           WHEN 'chisq_F_ddf' THEN (iscm.design_chisq(d.c, 'F', f.lonely_psu)).ddf
           WHEN 'chisq_F_p' THEN (iscm.design_chisq(d.c, 'F', f.lonely_psu)).p_value
           WHEN 'chisq_Chisq_stat' THEN (iscm.design_chisq(d.c, 'Chisq', f.lonely_psu)).stat
           WHEN 'chisq_Chisq_ndf' THEN (iscm.design_chisq(d.c, 'chisq', f.lonely_psu)).ndf
           WHEN 'chisq_Chisq_p' THEN (iscm.design_chisq(d.c, 'Chisq', f.lonely_psu)).p_value
           WHEN 'mean' THEN iscm.mean(d.v)
           WHEN 'mean_se' THEN iscm.mean_se(d.v, f.lonely_psu)
           WHEN 'mean_deff' THEN iscm.mean_deff(d.v, false, f.lonely_psu)
           WHEN 'mean_deff_replace' THEN iscm.mean_deff(d.v, true, f.lonely_psu)
           WHEN 'value_total' THEN iscm.value_total(d.v)
           WHEN 'value_total_se' THEN iscm.value_total_se(d.v, f.lonely_psu)
           WHEN 'mean_ci_lower' THEN iscm.mean_ci_lower(d.v, f.level, f.lonely_psu)
           WHEN 'mean_ci_upper' THEN iscm.mean_ci_upper(d.v, f.level, f.lonely_psu)
           WHEN 'as_share' THEN iscm.share(d.a, f.category)
           WHEN 'as_se' THEN iscm.se(d.a, f.category)
           WHEN 'as_variance' THEN iscm.variance(d.a, f.category)
           WHEN 'as_cv' THEN iscm.cv(d.a, f.category)
           WHEN 'as_deff' THEN iscm.deff(d.a, f.category)
           WHEN 'as_deff_replace' THEN iscm.deff(d.a, f.category, true)
           WHEN 'as_total' THEN iscm.total(d.a, f.category)
           WHEN 'as_total_se' THEN iscm.total_se(d.a, f.category)
           WHEN 'share' THEN iscm.share(d.s, f.category)
           WHEN 'se' THEN iscm.se(d.s, f.category, f.lonely_psu)
           WHEN 'deff' THEN iscm.deff(d.s, f.category, false, f.lonely_psu)
           WHEN 'deff_replace' THEN iscm.deff(d.s, f.category, true, f.lonely_psu)
           WHEN 'total' THEN iscm.total(d.s, f.category)
           WHEN 'total_se' THEN iscm.total_se(d.s, f.category, f.lonely_psu)
           ELSE CASE WHEN f.figure LIKE '%\_lower'
                     THEN iscm.ci_lower(d.s, f.category, split_part(f.figure, '_', 1), f.level, f.lonely_psu)
                     ELSE iscm.ci_upper(d.s, f.category, split_part(f.figure, '_', 1), f.level, f.lonely_psu) END
         END AS iscm
    FROM figures f JOIN (SELECT case_name, v, c, a, coalesce(m, s) AS s FROM d) d USING (case_name)
)
SELECT format('%s %s %s %s %s: R %s, iscm %s', case_name, lonely_psu, category, figure, level, value, iscm)
  FROM mine
 WHERE NOT ((value IS NULL AND iscm IS NULL) OR value = iscm
            OR abs(value - iscm) <= 1e-9 * greatest(1, abs(value)))
UNION ALL
SELECT format('~ largest difference %s (scaled by max(1, |R|)), %s figures NULL in both',
              max(abs(value - iscm) / greatest(1, abs(value))) FILTER (WHERE value <> iscm),
              count(*) FILTER (WHERE value IS NULL AND iscm IS NULL))
  FROM mine
 ORDER BY 1
SQL
)")
checked=$(psql_val "$db" "SELECT count(*) FROM figures")
echo "$out" | grep '^~' | sed 's/^~ //'
out=$(echo "$out" | grep -v '^~' || true)
if [ -n "$out" ]; then
    echo "$out" | head -40
    echo "$(echo "$out" | wc -l) of $checked figures differ from R"
    exit 1
fi
echo "all $checked figures agree with R"
