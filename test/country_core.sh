#!/bin/bash
# Build the pure-C country core (no server headers) with the generated data and
# run test/country_core.c under AddressSanitizer and UndefinedBehaviorSanitizer.
set -eu
top=${ISCM_TOP:-$(cd "$(dirname "$0")/.." && pwd)}
out=${ISCM_TMP:-$(mktemp -d)}/country_core
cc=${CC:-cc}
command -v "$cc" >/dev/null || { echo "no C compiler ($cc)"; exit 77; }
src="$top/src/core/country_lookup.c $top/src/core/country_normalize.c $top/src/core/country_fuzzy.c $top/src/generated/country_data.c"
flags="-std=c99 -O1 -g -Wall -Wextra -Wshadow -Werror -I$top/src/core"
if ! $cc $flags -fsanitize=address,undefined -fno-sanitize-recover=all -o "$out" "$top/test/country_core.c" $src 2>"$out.log"; then
    # no sanitizer runtime on this machine: still check the logic
    echo "sanitizers unavailable ($(head -n 1 "$out.log")); building without them"
    $cc $flags -o "$out" "$top/test/country_core.c" $src
fi
"$out"
