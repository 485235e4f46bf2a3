#!/bin/bash
# Upgrades: install the oldest supported version, ALTER EXTENSION iscm UPDATE
# one version at a time to the newest, and compare with a fresh install:
#   * every extension member and its observable properties (test/lib/catalog_snapshot.sql),
#   * the contents of the extension's own tables (seed data),
#   * pg_dump --schema-only, normalized.
# User tables with a column of every iscm type (test/lib/every_type.sql) are
# created at each version on the way and must read back unchanged at the end.
. "$(dirname "$0")/lib/common.sh"
cd "$ISCM_TOP" || exit 1
out=$ISCM_TMP/upgrade; rm -rf "$out"; mkdir -p "$out"
problems=0
problem() { echo "PROBLEM: $*"; problems=$((problems + 1)); }

read -r -a versions <<<"$(ext_versions)"
[ "${#versions[@]}" -ge 1 ] || { echo "no versions in src/sql/"; exit 1; }
first=${versions[0]} last=${versions[${#versions[@]}-1]}
# test/released_scripts.sh checks that scripts/ holds each version's script and
# that the server offers the update path between neighbours.

# ---- step-by-step update versus fresh install -----------------------------------------
up=iscm_rel_upgrade_stepped fresh=iscm_rel_upgrade_fresh
new_db "$up"; new_db "$fresh"
psql_q "$up" -c "CREATE EXTENSION iscm VERSION '$first'" -c 'CREATE SCHEMA userdata' || exit 1
user_digests() { psql_q "$up" -f test/lib/table_digests.sql | grep '^table userdata\.'; }
for ((i = 0; i < ${#versions[@]}; i++)); do
    v=${versions[$i]}
    if [ "$i" -gt 0 ]; then
        echo "ALTER EXTENSION iscm UPDATE TO '$v'"
        psql_q "$up" -c "ALTER EXTENSION iscm UPDATE TO '$v'" || { problem "update to $v failed"; break; }
    fi
    got=$(psql_val "$up" "SELECT extversion FROM pg_extension WHERE extname = 'iscm'")
    [ "$got" = "$v" ] || problem "after updating to $v, extversion is $got"
    make_every_type_table "$up" "userdata.typed_v${v//./_}" || problem "could not fill a table of every type at version $v"
    user_digests >"$out/user-$v.txt"
done
user_digests >"$out/user-final.txt"
for v in "${versions[@]}"; do
    # every table created at v (and before) reads back the same after all updates
    if ! diff <(cat "$out/user-$v.txt") <(grep -Ff <(cut -d' ' -f2 "$out/user-$v.txt" | sed 's/$/ /') "$out/user-final.txt"); then
        problem "user rows stored at version $v read back differently after updating to $last"
    fi
done
psql_q "$fresh" -c 'CREATE EXTENSION iscm' || exit 1

for db in "$up" "$fresh"; do
    psql_q "$db" -f test/lib/catalog_snapshot.sql >"$out/$db.catalog" || problem "catalog snapshot of $db failed"
    psql_q "$db" -f test/lib/table_digests.sql | grep -v '^table userdata\.' >"$out/$db.tables"
    "$REL_BINDIR/pg_dump" --schema-only --exclude-schema=userdata -d "$db" \
        | grep -vE '^(--|SET |SELECT pg_catalog\.set_config|\\(un)?restrict |$)' >"$out/$db.schema"
done
for kind in catalog tables schema; do
    if ! diff -u "$out/$fresh.$kind" "$out/$up.$kind" >"$out/$kind.diff"; then
        problem "$kind of the stepped update ($first -> $last) differs from a fresh install (- fresh, + stepped):"
        head -n 80 "$out/$kind.diff"
    fi
done
echo "$(grep -c '^member ' "$out/$fresh.catalog") extension members, $(wc -l <"$out/$fresh.tables") extension tables compared;" \
     "$(cat "$out"/user-final.txt | wc -l) user tables of every type carried through ${#versions[@]} versions"
[ "$problems" -eq 0 ] || { echo "$problems problems"; exit 1; }
