#!/bin/bash
# Release discipline: the SQL scripts iscm ships are committed files in
# scripts/. A released script (listed with its sha256 in
# scripts/released.sha256 by tools/cut-release) is never edited; the scripts
# of the version in development are exactly what its fragments assemble to;
# and the server offers every version in src/sql/ with a one-step update path
# between neighbours.
. "$(dirname "$0")/lib/common.sh"
cd "$ISCM_TOP" || exit 1
problems=0
problem() { echo "PROBLEM: $*"; problems=$((problems + 1)); }

if [ -s scripts/released.sha256 ]; then
    (cd scripts && sha256sum --check --quiet released.sha256) || problem "a released script changed (see above)"
fi
tools/build-scripts --check || problem "scripts/ does not match src/sql/ (see above)"

read -r -a versions <<<"$(ls src/sql | sort -t. -k1,1n -k2,2n -k3,3n | tr '\n' ' ')"
last=${versions[${#versions[@]}-1]}
[ "$(default_version)" = "$last" ] || problem "iscm.control default_version $(default_version) is not the newest version $last"
available=$(psql_val postgres "SELECT string_agg(version, ' ' ORDER BY string_to_array(version, '.')::int[]) FROM pg_available_extension_versions WHERE name = 'iscm'")
[ "$available" = "${versions[*]}" ] || problem "server offers versions '$available', src/sql/ has '${versions[*]}'"
for ((i = 0; i + 1 < ${#versions[@]}; i++)); do
    a=${versions[$i]} b=${versions[$i+1]}
    path=$(psql_val postgres "SELECT path FROM pg_extension_update_paths('iscm') WHERE source = '$a' AND target = '$b'")
    [ "$path" = "$a--$b" ] || problem "no direct update path $a -> $b (got '$path')"
done
echo "${#versions[@]} versions; $(grep -c . scripts/released.sha256 2>/dev/null || echo 0) released scripts"
[ "$problems" -eq 0 ] || { echo "$problems problems"; exit 1; }
