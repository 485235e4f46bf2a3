#!/bin/bash
# Binary COPY of survey summaries from a UTF8 database into a LATIN1 one, both
# sessions with client_encoding UTF8: the category texts inside the summaries
# arrive converted, like the text column of the same row (textrecv), and the
# summaries read back equal to the originals.
. "$ISCM_TOP/test/lib/common.sh"
src=iscm_rel_binenc_utf8
dst=iscm_rel_binenc_latin1
"$REL_BINDIR/dropdb" --if-exists "$src" 2>/dev/null; "$REL_BINDIR/dropdb" --if-exists "$dst" 2>/dev/null
"$REL_BINDIR/createdb" -E UTF8 -T template0 --locale=C "$src" || exit 1
REL_DBS+=("$src")
"$REL_BINDIR/createdb" -E LATIN1 -T template0 --locale=C "$dst" || exit 1
REL_DBS+=("$dst")
export PGCLIENTENCODING=UTF8
data=$ISCM_TMP/defects_binary_encoding.bin
table='CREATE TABLE rows (word text, answers iscm.answer_summary, transitions iscm.transition_summary)'

psql_q "$src" <<SQL || exit 1
CREATE EXTENSION iscm;
$table;
INSERT INTO rows
SELECT 'café', iscm.answer_agg(a), iscm.transition_agg(a, b)
  FROM (VALUES ('café', 'thé'), ('thé', 'café'), ('café', NULL)) v(a, b);
SQL
psql_q "$src" -c "\\copy rows TO '$data' (FORMAT binary)" || exit 1
psql_q "$dst" -c "CREATE EXTENSION iscm" -c "$table" || exit 1
psql_q "$dst" -c "\\copy rows FROM '$data' (FORMAT binary)" || exit 1

query="SELECT word, answers, transitions FROM rows"
want=$(psql_val "$src" "$query")
got=$(psql_val "$dst" "$query")
echo "$got"
if [ "$got" != "$want" ]; then
    echo "LATIN1 database received other values:"; diff <(echo "$want") <(echo "$got"); exit 1
fi
# and the values stored in the LATIN1 database are valid there: accessors see 'café'
n=$(psql_val "$dst" "SELECT iscm.count(answers, 'café') FROM rows")
[ "$n" = 2 ] || { echo "count(answers, 'café') = '$n', expected 2"; exit 1; }
echo "binary COPY UTF8 -> LATIN1: texts converted like the text column"
