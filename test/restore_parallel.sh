#!/bin/bash
# Parallel restore of a custom dump with user rows in iscm's tables, by the
# recipe doc/reliability.md gives (the shell block after the line
# "<!-- parallel restore recipe -->", run here as written, with the file and
# database names substituted).  pg_restore --jobs loads config tables' data in
# any order, so user rows of iscm's tables that reference each other (a user
# survey and its answers, a child event and its parent) can fail their foreign
# keys; the recipe loads the iscm schema's data with one job, in the order
# pg_dump chose from the foreign keys, and everything else in parallel.
# Passes when the restored database equals the source (test/lib/table_digests.sql)
# and no step reported an error.  Also reports what plain `pg_restore -j 4` does.
. "$(dirname "$0")/lib/common.sh"
cd "$ISCM_TOP" || exit 1
src=iscm_rel_restore_src target=iscm_rel_restore_target naive=iscm_rel_restore_naive
work=$ISCM_TMP/restore_parallel; rm -rf "$work"; mkdir -p "$work"
setup_fixture_db "$src" || exit 1
"$REL_BINDIR/pg_dump" -Fc -f "$work/backup.dump" "$src" 2>/dev/null || exit 1
psql_q "$src" -f test/lib/table_digests.sql >"$work/source.txt" || exit 1

recipe=$(sed -n '/<!-- parallel restore recipe -->/,/^```$/p' doc/reliability.md | sed '1,2d;$d')
[ -n "$recipe" ] || { echo "doc/reliability.md has no parallel restore recipe"; exit 1; }
new_db "$target"
echo "recipe:"; echo "$recipe" | sed 's/^/    /'
if ! (cd "$work" && PATH=$REL_BINDIR:$PATH && set -e -o pipefail &&
      eval "$(sed "s/-d target/-d $target/g" <<<"$recipe")") >"$work/recipe.log" 2>&1; then
    echo "the recipe failed:"; cat "$work/recipe.log"; exit 1
fi
grep -i 'error' "$work/recipe.log" && { echo "the recipe reported errors"; exit 1; }
if ! diff "$work/source.txt" <(psql_q "$target" -f test/lib/table_digests.sql) >"$work/recipe.diff"; then
    echo "restored by the recipe, tables differ (< source, > restored):"; head -n 40 "$work/recipe.diff"; exit 1
fi
echo "recipe: $(grep -c '^table' "$work/source.txt") tables and $(grep -c '^sequence' "$work/source.txt") sequences restored equal"

new_db "$naive"
errors=$("$REL_BINDIR/pg_restore" -j 4 -d "$naive" "$work/backup.dump" 2>&1 | grep -c 'error:')
lost=$(diff "$work/source.txt" <(psql_q "$naive" -f test/lib/table_digests.sql) | grep -c '^>')
echo "for comparison, plain pg_restore -j 4: $errors errors, $lost tables or sequences differ"
