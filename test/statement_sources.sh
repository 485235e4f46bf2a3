#!/bin/bash
# The statements of the seed data (data/statements.csv and its parties) quote
# their seed documents faithfully: every quote, every party as written and every
# phrase quoted in a document's source is found in the seed document cited
# (tools/check_statement_sources.py).  Skipped when the seeds are absent.
set -eu
# the seed documents sit beside the project, in shared/seeds
seeds=${ISCM_SEEDS:-}
[ -z "$seeds" ] && [ -d "$ISCM_TOP/../shared/seeds" ] && seeds=$ISCM_TOP/../shared/seeds
if [ -z "$seeds" ]; then
    echo "seed documents not found (set ISCM_SEEDS)"; exit 77
fi
python3 "$ISCM_TOP/tools/check_statement_sources.py" "$ISCM_TOP/data" "$seeds"
