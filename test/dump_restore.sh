#!/bin/bash
# Dump and restore: a database with the extension, the user rows of every
# test/fixtures/*.sql file (each area adds rows to its user-facing tables) and a
# user table with a column of every iscm type (test/lib/every_type.sql) is
# dumped with pg_dump in plain and custom format and restored into fresh
# databases whose search_path is '' (plain through psql, custom through
# pg_restore; DUMP_RESTORE_PARALLEL=1 adds pg_restore -j 2).  Every table must come back with the same rows (no user
# row lost, no seed row duplicated, every value equal), every sequence at the
# same position, and the extension with the same members and configuration.
. "$(dirname "$0")/lib/common.sh"
cd "$ISCM_TOP" || exit 1
out=$ISCM_TMP/dump_restore; rm -rf "$out"; mkdir -p "$out"
problems=0
problem() { echo "PROBLEM: $*"; problems=$((problems + 1)); }

src=iscm_rel_dump_src
new_db "$src"
psql_q "$src" -c 'CREATE EXTENSION iscm' -c 'CREATE SCHEMA userdata' || exit 1
for f in test/fixtures/*.sql; do
    [ -e "$f" ] || continue
    echo "fixture $f"
    psql_q "$src" -f "$f" || { problem "fixture $f failed"; }
done
make_every_type_table "$src" userdata.every_type || problem "could not build the table of every type"

# Every table registered with pg_extension_config_dump must hold user rows
# (rows its filter lets pg_dump keep), or this check proves nothing for it.
psql_val "$src" "SELECT c::regclass, coalesce(w, '') FROM pg_extension, unnest(extconfig, extcondition) AS u(c, w)
                  WHERE extname = 'iscm' AND (SELECT relkind FROM pg_class WHERE oid = c) <> 'S'" |
while IFS='|' read -r rel cond; do
    n=$(psql_val "$src" "SELECT count(*) FROM $rel $cond")
    echo "config table $rel: $n user rows ($cond)"
    [ "$n" -gt 0 ] || echo "PROBLEM: no fixture adds user rows to $rel: add them to test/fixtures/<area>.sql"
done | tee "$out/config.txt"
grep -q PROBLEM "$out/config.txt" && problems=$((problems + 1))
unregistered=$(psql_val "$src" "SELECT string_agg(c.oid::regclass::text, ', ' ORDER BY 1)
    FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'iscm'
    JOIN pg_class c ON c.oid = d.objid AND c.relkind = 'r'
   WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
     AND c.oid <> ALL (e.extconfig)")
[ -n "$unregistered" ] && echo "note: extension tables not registered with pg_extension_config_dump (user rows there are not dumped): $unregistered"

psql_q "$src" -f test/lib/table_digests.sql >"$out/src.tables" || exit 1
psql_q "$src" -f test/lib/catalog_snapshot.sql >"$out/src.catalog" || exit 1
"$REL_BINDIR/pg_dump" -Fp -f "$out/dump.sql" "$src" 2>"$out/pg_dump.err" || { cat "$out/pg_dump.err"; exit 1; }
"$REL_BINDIR/pg_dump" -Fc -f "$out/dump.custom" "$src" 2>>"$out/pg_dump.err" || { cat "$out/pg_dump.err"; exit 1; }
# pg_dump warns about a self-referencing foreign key of a config table (its
# data is dumped data-only); whether the rows restore is what this check tests
if grep -v -e 'circular foreign-key constraints' -e 'detail: ' -e 'hint: ' "$out/pg_dump.err" | grep -q .; then
    problem "pg_dump complained:"; cat "$out/pg_dump.err"
fi

restore() {  # restore FORMAT DB
    new_db "$2"
    psql_q "$2" -c "ALTER DATABASE $2 SET search_path = ''" || return 1
    case $1 in
        plain) psql_q "$2" -f "$out/dump.sql" >"$out/$2.log" 2>&1 ;;
        custom) "$REL_BINDIR/pg_restore" --exit-on-error -d "$2" "$out/dump.custom" >"$out/$2.log" 2>&1 ;;
        parallel) "$REL_BINDIR/pg_restore" --exit-on-error -j 2 -d "$2" "$out/dump.custom" >"$out/$2.log" 2>&1 ;;
    esac
}
# Parallel pg_restore loads the data of the extension's config tables in any
# order, so rows that reference rows of another config table (user
# participations of a user mechanism) fail their foreign keys: a known
# limitation (doc/reliability.md), checked only when DUMP_RESTORE_PARALLEL=1.
formats="plain custom"
[ -n "${DUMP_RESTORE_PARALLEL:-}" ] && formats+=" parallel"
for format in $formats; do
    dst=iscm_rel_dump_$format
    if ! restore "$format" "$dst"; then
        problem "restore of the $format dump failed:"; tail -n 20 "$out/$dst.log"; continue
    fi
    grep -E 'ERROR|WARNING' "$out/$dst.log" && problem "the $format restore reported errors or warnings"
    psql_q "$dst" -f test/lib/table_digests.sql >"$out/$dst.tables"
    psql_q "$dst" -f test/lib/catalog_snapshot.sql >"$out/$dst.catalog"
    diff -u "$out/src.tables" "$out/$dst.tables" >"$out/$dst.tables.diff" ||
        { problem "tables differ after the $format restore (- source, + restored):"; cat "$out/$dst.tables.diff"; }
    diff -u "$out/src.catalog" "$out/$dst.catalog" >"$out/$dst.catalog.diff" ||
        { problem "extension objects differ after the $format restore (- source, + restored):"; head -n 60 "$out/$dst.catalog.diff"; }
done
echo "$(grep -c '^table ' "$out/src.tables") tables ($(awk '$1 == "table" {n += $3} END {print n + 0}' "$out/src.tables") rows)" \
     "and $(grep -c '^sequence ' "$out/src.tables") sequences compared after restores: $formats"
[ "$problems" -eq 0 ] || { echo "$problems problems"; exit 1; }
