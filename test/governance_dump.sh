#!/bin/bash
# The governance registry survives pg_dump / pg_restore: user rows of every
# registry table come back exactly once (pg_extension_config_dump ... WHERE NOT
# is_seed), seed rows are recreated by CREATE EXTENSION and never duplicated,
# id sequences continue after the restored user ids, and the restore runs under
# pg_restore's empty search_path with every trigger and foreign key in force.
. "$(dirname "$0")/lib/common.sh"
set -e
src=iscm_rel_gov_dump_src
dst=iscm_rel_gov_dump_dst
new_db "$src"
load_fixture "$src" governance
# the dumping session prints countries by name
psql_q "$src" -c "ALTER DATABASE $src SET iscm.country_output = 'name'"

dump=$(dump_custom "$src")
restore_custom "$dump" "$dst"

tables="participation_roles event_levels event_roles organizations mechanisms mechanism_aliases mechanism_claims
        mechanism_relations structures participations chairs events event_participants themes theme_mappings framework_items"
fingerprint() {
    local db=$1 sql="SET iscm.country_output = alpha3;" t
    for t in $tables; do
        sql+=" SELECT '$t', count(*) FILTER (WHERE is_seed), count(*) FILTER (WHERE NOT is_seed),
                      md5(coalesce(string_agg(x::text, ';' ORDER BY x::text) FILTER (WHERE NOT is_seed), ''))
                 FROM iscm.$t x;"
    done
    psql_val "$db" "$sql" -F ' '
}
fingerprint "$src" >"$ISCM_TMP/gov_src.txt"
fingerprint "$dst" >"$ISCM_TMP/gov_dst.txt"
if ! diff "$ISCM_TMP/gov_src.txt" "$ISCM_TMP/gov_dst.txt"; then
    echo "registry differs after restore (table, seed rows, user rows, md5 of user rows)"; exit 1
fi
echo "tables (seed rows, user rows) after restore:"; awk '{printf "  %s %s+%s\n", $1, $2, $3}' "$ISCM_TMP/gov_dst.txt"

# user rows exist and no seed row was dumped (a dumped seed row would duplicate a key and fail the restore)
# (data/participations.csv and the files later versions @append, participations_<version>.csv)
seed_participations=$(python3 -c 'import csv, sys; print(sum(sum(1 for _ in csv.reader(open(f, encoding="utf-8"))) - 1 for f in sys.argv[1:]))' \
    "$ISCM_TOP"/data/participations.csv "$ISCM_TOP"/data/participations_[0-9]*.csv)
grep -q "^participations $seed_participations 5 " "$ISCM_TMP/gov_dst.txt" \
    || { echo "expected $seed_participations seed (data/participations*.csv) + 5 user participations"; exit 1; }

# sequences continue after the restored user ids; functions see the restored rows
psql_q "$dst" -A -t <<'SQL' >"$ISCM_TMP/gov_after.txt"
SELECT nextval('iscm.participations_id_seq') > (SELECT max(id) FROM iscm.participations);
SELECT nextval('iscm.chairs_id_seq') > (SELECT max(id) FROM iscm.chairs);
SELECT string_agg(array_to_string(holders, '&'), ',' ORDER BY term) FROM iscm.troika_on('The Test Process', '2012-06-01');
SELECT iscm.cardinality(iscm.members_on('TP', '2015-01-01', 'founding member'));
SQL
expected=$'t\nt\nChile,Peru,unknown\n3'
if [ "$(cat "$ISCM_TMP/gov_after.txt")" != "$expected" ]; then
    echo "after restore, got:"; cat "$ISCM_TMP/gov_after.txt"; echo "expected:"; echo "$expected"; exit 1
fi
echo "sequences continue; troika and members_on read the restored rows"
