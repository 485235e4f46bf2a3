#!/bin/bash
# Every seed row names its source: every data/*.csv has a non-blank source
# column in every row, or is a reference vocabulary whose source data/README.md
# states (tools/check_seed_sources.py spells out the rules and first proves on
# planted faults that it catches each of them).
set -eu
TOP=${ISCM_TOP:-$(cd "$(dirname "$0")/.." && pwd)}
TMP=${ISCM_TMP:-$(mktemp -d)}
mkdir -p "$TMP"
python3 "$TOP/tools/check_seed_sources.py" "$TOP/data" "$TMP/seed_sources_selftest"
