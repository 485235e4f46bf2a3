#!/bin/bash
# The survey seed data (data/survey_*.csv) quotes its sources faithfully: every
# published figure, named State and quoted phrase is found in the seed document
# it cites (tools/check_survey_sources.py).  Skipped when the seeds are absent.
set -eu
seeds=${ISCM_SEEDS:-}
for d in "$ISCM_TOP/../shared/seeds" /work/shared/seeds; do
    [ -z "$seeds" ] && [ -d "$d" ] && seeds=$d
done
if [ -z "$seeds" ]; then
    echo "seed documents not found (set ISCM_SEEDS)"; exit 77
fi
python3 "$ISCM_TOP/tools/check_survey_sources.py" "$ISCM_TOP/data" "$seeds"
