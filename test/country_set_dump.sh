#!/bin/bash
# country_set survives pg_dump / pg_restore: its data goes through the text form
# (COPY) while the dumping session prints countries by name (so names with
# commas must be quoted and read back), the custom-format dump is restored
# under pg_restore's empty search_path, and the GIN index is rebuilt and used.
set -eu
src=iscm_cset_dump_src
dst=iscm_cset_dump_dst
dump=$ISCM_TMP/country_set.dump
cleanup() { dropdb --if-exists "$src"; dropdb --if-exists "$dst"; }
trap cleanup EXIT
cleanup
createdb "$src"
createdb "$dst"

psql -X -q -v ON_ERROR_STOP=1 -d "$src" <<'SQL'
CREATE EXTENSION iscm;
CREATE TABLE mech (id int PRIMARY KEY, members iscm.country_set);
INSERT INTO mech VALUES
  (1, '{}'), (2, NULL), (3, '{"Congo, Dem. Rep.", "Korea, Republic of", CIV, SUN, 830, XKX}'),
  (4, '{BEL,PHL}');
INSERT INTO mech
SELECT 100 + i, (SELECT iscm.country_set_agg(c.code::iscm.country)
                   FROM iscm.countries c WHERE (c.key * 31 + i * 17) % 23 = 0)
  FROM generate_series(1, 500) i;
CREATE INDEX mech_members ON mech USING gin (members);
SQL
# the dumping session prints countries by name: the dump must still read back
psql -X -q -v ON_ERROR_STOP=1 -d "$src" -c "ALTER DATABASE $src SET iscm.country_output = 'name'"

"$ISCM_BINDIR/pg_dump" -Fc -f "$dump" "$src"
grep -q "Congo, The Democratic Republic of the" <("$ISCM_BINDIR/pg_restore" -f - "$dump") \
    || { echo "dump does not hold names (iscm.country_output not in effect?)"; exit 1; }
"$ISCM_BINDIR/pg_restore" --exit-on-error -d "$dst" "$dump"

fingerprint() {
    psql -X -A -t -v ON_ERROR_STOP=1 -d "$1" -c "SET iscm.country_output = alpha3" \
        -c "SELECT count(*), md5(string_agg(id || ':' || coalesce(members::text, 'NULL'), ';' ORDER BY id)) FROM mech" \
        | tail -n 1
}
a=$(fingerprint "$src")
b=$(fingerprint "$dst")
echo "source:   $a"
echo "restored: $b"
[ "$a" = "$b" ] || { echo "restored values differ"; exit 1; }

plan=$(psql -X -A -t -v ON_ERROR_STOP=1 -d "$dst" -c "SET enable_seqscan = off" -c "SET search_path = public, iscm" \
    -c "EXPLAIN (COSTS OFF) SELECT id FROM mech WHERE members @> '{BEL,PHL}'")
echo "$plan"
grep -q "Bitmap Index Scan on mech_members" <<<"$plan" || { echo "GIN index not used after restore"; exit 1; }
n_src=$(psql -X -A -t -d "$src" -c "SET search_path = public, iscm" -c "SELECT count(*) FROM mech WHERE members @> '{BEL,PHL}'" | tail -n 1)
n_dst=$(psql -X -A -t -d "$dst" -c "SET enable_seqscan = off" -c "SET search_path = public, iscm" -c "SELECT count(*) FROM mech WHERE members @> '{BEL,PHL}'" | tail -n 1)
echo "sets with BEL and PHL: $n_src before, $n_dst after"
[ "$n_src" = "$n_dst" ] && [ "$n_src" -ge 1 ]
