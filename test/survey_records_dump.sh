#!/bin/bash
# Survey records survive pg_dump and restore: rows users added are dumped and
# restored (through the triggers, in an order the foreign keys accept), seed rows
# are not duplicated, and the restored database answers the same queries.
. "$(dirname "$0")/lib/common.sh"
set -e
src=iscm_rel_survey_records_dump_src
dst=iscm_rel_survey_records_dump_dst
new_db "$src"
load_fixture "$src" survey
"$REL_BINDIR/pg_dump" -d "$src" -f "$ISCM_TMP/$src.sql"
new_db "$dst"
psql_q "$dst" -f "$ISCM_TMP/$src.sql" >/dev/null
query="SELECT (SELECT count(*) FROM iscm.surveys) || ' ' || (SELECT count(*) FROM iscm.survey_questions) || ' '
       || (SELECT count(*) FROM iscm.survey_respondents) || ' ' || (SELECT count(*) FROM iscm.survey_answers) || ' '
       || (SELECT count(*) FROM iscm.published_figures) || ' ' || (SELECT count(*) FROM iscm.figure_attributions) || ' '
       || (SELECT count(*) FROM iscm.survey_answers WHERE NOT is_seed) || ' '
       || (SELECT string_agg(figure || '=' || coalesce(named_support, '-') || '/' || coalesce(percent_consistent::text, '-'), ',' ORDER BY survey, figure)
             FROM iscm.published_figure_check)"
a=$(psql_val "$src" "$query")
b=$(psql_val "$dst" "$query")
echo "source:   ${a:0:60}"
echo "restored: ${b:0:60}"
[ "$a" = "$b" ] || { echo "restored database differs"; exit 1; }
case $a in
    "4 22 60 56 20 53 4 "*) ;;
    *) echo "unexpected counts: ${a:0:40} (want 4 surveys, 22 questions, 60 respondents, 56 answers, 20 figures, 53 attributions, 4 user answers)"; exit 1 ;;
esac
echo ok
