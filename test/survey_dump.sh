#!/bin/bash
# Survey summaries stored in tables survive pg_dump and restore: the text form
# is read back by the validating input functions under the empty search_path
# pg_dump sets, and every value is identical afterwards.
. "$(dirname "$0")/lib/common.sh"
set -e
src=iscm_rel_survey_dump_src
dst=iscm_rel_survey_dump_dst
new_db "$src"
psql_q "$src" <<'SQL'
CREATE EXTENSION iscm;
CREATE TABLE stored (id int PRIMARY KEY, a iscm.answer_summary, t iscm.transition_summary,
                     d iscm.disposition_summary);
INSERT INTO stored
SELECT q,
       iscm.answer_agg(CASE WHEN g % 11 = 0 THEN NULL ELSE (ARRAY['yes', 'no', E'quote "\\', 'ünï'])[1 + (g * q) % 4] END,
                       0.1 * (1 + g % 7)),
       iscm.transition_agg((ARRAY['yes', 'no'])[1 + g % 2], CASE WHEN g % 5 = 0 THEN NULL ELSE (ARRAY['yes', 'no'])[1 + (g / 2) % 2] END),
       iscm.disposition_agg((ARRAY['I', 'P', '2.11', 'NC', 'O', '3.10', 'UO', '4'])[1 + (g + q) % 8])
  FROM generate_series(1, 5) q, generate_series(1, 200) g
 GROUP BY q;
INSERT INTO stored
SELECT 6, iscm.choices_agg(CASE WHEN g % 9 = 0 THEN NULL ELSE (ARRAY['GFMD', 'Rabat', 'Budapest'])[1 : g % 4] END),
       iscm.transition_agg(NULL, NULL), iscm.disposition_agg(NULL)
  FROM generate_series(1, 100) g;
INSERT INTO stored SELECT 7, iscm.answer_agg(NULL::text), NULL, NULL FROM generate_series(1, 0);
SQL
dump=$(dump_custom "$src")
restore_custom "$dump" "$dst"
query='SELECT id, a::text, t::text, d::text FROM stored ORDER BY id'
psql_val "$src" "$query" >"$ISCM_TMP/survey_dump.before"
psql_val "$dst" "$query" >"$ISCM_TMP/survey_dump.after"
rows=$(wc -l <"$ISCM_TMP/survey_dump.before")
if ! diff "$ISCM_TMP/survey_dump.before" "$ISCM_TMP/survey_dump.after"; then
    echo "summaries changed across pg_dump/pg_restore"
    exit 1
fi
# and they are still usable
psql_val "$dst" "SELECT iscm.describe(iscm.rollup(a), 'yes') FROM stored WHERE id <= 5" >/dev/null
echo "$rows rows of answer, transition and disposition summaries identical after pg_dump/pg_restore"
