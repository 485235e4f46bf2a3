#!/bin/bash
# country_set survives pg_dump / pg_restore: its data goes through the text form
# (COPY) while the dumping session prints countries by name (so names with
# commas must be quoted and read back), the custom-format dump is restored
# under pg_restore's empty search_path, and the GIN index is rebuilt and used.
. "$(dirname "$0")/lib/common.sh"
set -e
src=iscm_rel_cset_dump_src
dst=iscm_rel_cset_dump_dst
new_db "$src"

psql_q "$src" <<'SQL'
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
psql_q "$src" -c "ALTER DATABASE $src SET iscm.country_output = 'name'"

dump=$(dump_custom "$src")
grep -q "Congo, The Democratic Republic of the" <("$REL_BINDIR/pg_restore" -f - "$dump") \
    || { echo "dump does not hold names (iscm.country_output not in effect?)"; exit 1; }
restore_custom "$dump" "$dst"

fingerprint() {
    psql_val "$1" "SET iscm.country_output = alpha3;
        SELECT count(*), md5(string_agg(id || ':' || coalesce(members::text, 'NULL'), ';' ORDER BY id)) FROM mech" \
        | tail -n 1
}
a=$(fingerprint "$src")
b=$(fingerprint "$dst")
echo "source:   $a"
echo "restored: $b"
[ "$a" = "$b" ] || { echo "restored values differ"; exit 1; }

plan=$(psql_val "$dst" "SET enable_seqscan = off; SET search_path = public, iscm;
    EXPLAIN (COSTS OFF) SELECT id FROM mech WHERE members @> '{BEL,PHL}'")
echo "$plan"
grep -q "Bitmap Index Scan on mech_members" <<<"$plan" || { echo "GIN index not used after restore"; exit 1; }
count_bel_phl="SET search_path = public, iscm; SELECT count(*) FROM mech WHERE members @> '{BEL,PHL}'"
n_src=$(psql_val "$src" "$count_bel_phl" | tail -n 1)
n_dst=$(psql_val "$dst" "SET enable_seqscan = off; $count_bel_phl" | tail -n 1)
echo "sets with BEL and PHL: $n_src before, $n_dst after"
[ "$n_src" = "$n_dst" ] && [ "$n_src" -ge 1 ]
