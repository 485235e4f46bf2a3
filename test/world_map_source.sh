#!/bin/bash
# data/world_map_110m.csv is what tools/gen_world_map.R makes from Debian's
# r-cran-rnaturalearthdata: regenerate it and compare byte for byte.
# Installs the package when missing (skips when it cannot).
. "$ISCM_TOP/test/lib/common.sh"
. "$ISCM_TOP/test/lib/packages.sh"
ensure_packages r-cran-rnaturalearthdata || exit 77
Rscript "$ISCM_TOP/tools/gen_world_map.R" >"$ISCM_TMP/world_map_110m.csv" || exit 1
if ! cmp -s "$ISCM_TMP/world_map_110m.csv" "$ISCM_TOP/data/world_map_110m.csv"; then
    echo "data/world_map_110m.csv differs from what tools/gen_world_map.R makes:"
    diff <(cut -c1-120 "$ISCM_TOP/data/world_map_110m.csv") <(cut -c1-120 "$ISCM_TMP/world_map_110m.csv") | head -n 20
    exit 1
fi
echo "data/world_map_110m.csv: $(($(wc -l <"$ISCM_TMP/world_map_110m.csv") - 1)) outlines, as generated"
