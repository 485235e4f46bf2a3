#!/bin/bash
# Build the pure-C GRIM core (no server headers) and check the k ranges of
# every rounding rule against brute force (test/survey_grim_core.c), under
# AddressSanitizer and UndefinedBehaviorSanitizer where they are available.
set -eu
top=${ISCM_TOP:-$(cd "$(dirname "$0")/.." && pwd)}
out=${ISCM_TMP:-$(mktemp -d)}/survey_grim_core
cc=${CC:-cc}
command -v "$cc" >/dev/null || { echo "no C compiler ($cc)"; exit 77; }
src="$top/src/core/survey_grim.c"
flags="-std=c99 -O1 -g -Wall -Wextra -Wshadow -Werror -I$top/src/core"
if ! $cc $flags -fsanitize=address,undefined -fno-sanitize-recover=all -o "$out" "$top/test/survey_grim_core.c" $src 2>"$out.log"; then
    echo "sanitizers unavailable ($(head -n 1 "$out.log")); building without them"
    $cc $flags -o "$out" "$top/test/survey_grim_core.c" $src
fi
"$out"
