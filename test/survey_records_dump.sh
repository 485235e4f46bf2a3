#!/bin/bash
# Survey records survive pg_dump and restore: rows users added are dumped and
# restored (through the triggers, in an order the foreign keys accept), seed rows
# are not duplicated, and the restored database answers the same queries.
set -eu
src=iscm_survey_dump_src
dst=iscm_survey_dump_dst
cleanup() { dropdb --if-exists "$src"; dropdb --if-exists "$dst"; }
trap cleanup EXIT
cleanup
createdb "$src"
createdb "$dst"
psql -X -q -v ON_ERROR_STOP=1 -d "$src" <<'SQL'
CREATE EXTENSION iscm;
INSERT INTO iscm.surveys (code, title, fielded, n_respondents_stated, n_respondents_source, source)
VALUES ('dump-test', 'Dump test', '2024-05', 3, 'test', 'test/survey_dump.sh');
INSERT INTO iscm.survey_questions (survey, code, position, wording, answer_type, allowed_answers) VALUES
  ('dump-test', 'plan', 1, 'Plan?', 'yes_no', NULL),
  ('dump-test', 'topics', 2, 'Topics', 'multiple_choice', '{remittances,diaspora}');
INSERT INTO iscm.survey_respondents (survey, respondent, country, respondent_type) VALUES
  ('dump-test', 'FRA', 'FRA', 'state'), ('dump-test', 'GHA', 'GHA', 'state'), ('dump-test', 'PHL', 'PHL', 'state');
INSERT INTO iscm.survey_answers (survey, respondent, question, value, choices) VALUES
  ('dump-test', 'FRA', 'plan', 'yes', NULL), ('dump-test', 'GHA', 'plan', 'no', NULL),
  ('dump-test', 'PHL', 'topics', NULL, '{remittances,diaspora}');
-- a user's answer and figure on a seed survey
INSERT INTO iscm.survey_respondents (survey, respondent, country, respondent_type, source)
VALUES ('gfmd-2008', 'KEN', 'KEN', 'state', 'user test row');
INSERT INTO iscm.survey_answers (survey, respondent, question, value) VALUES ('gfmd-2008', 'KEN', 'resources', 'no');
INSERT INTO iscm.published_figures (survey, figure, question, answer, as_written, percent, quote, source_file, source_section)
VALUES ('dump-test', 'plan_50', 'plan', 'yes', '50%', 50, 'Half of the States have a plan.', 'test', 'none');
INSERT INTO iscm.figure_attributions (survey, figure, name_as_written, country, source)
VALUES ('dump-test', 'plan_50', 'France', 'FRA', 'test');
SQL
"$ISCM_BINDIR/pg_dump" -d "$src" -f "$ISCM_TMP/survey_dump.sql"
psql -X -q -v ON_ERROR_STOP=1 -d "$dst" -f "$ISCM_TMP/survey_dump.sql" >/dev/null
query="SELECT (SELECT count(*) FROM iscm.surveys) || ' ' || (SELECT count(*) FROM iscm.survey_questions) || ' '
       || (SELECT count(*) FROM iscm.survey_respondents) || ' ' || (SELECT count(*) FROM iscm.survey_answers) || ' '
       || (SELECT count(*) FROM iscm.published_figures) || ' ' || (SELECT count(*) FROM iscm.figure_attributions) || ' '
       || (SELECT count(*) FROM iscm.survey_answers WHERE NOT is_seed) || ' '
       || (SELECT string_agg(figure || '=' || coalesce(named_support, '-') || '/' || coalesce(percent_consistent::text, '-'), ',' ORDER BY survey, figure)
             FROM iscm.published_figure_check)"
a=$(psql -X -A -t -d "$src" -c "$query")
b=$(psql -X -A -t -d "$dst" -c "$query")
echo "source:   ${a:0:60}"
echo "restored: ${b:0:60}"
[ "$a" = "$b" ] || { echo "restored database differs"; exit 1; }
case $a in
    "4 30 69 94 26 53 4 "*) ;;
    *) echo "unexpected counts: ${a:0:40} (want 4 surveys, 30 questions, 69 respondents, 94 answers, 26 figures, 53 attributions, 4 user answers)"; exit 1 ;;
esac
echo ok
