#!/bin/bash
# The survey seed data (data/survey_*.csv) quotes its sources faithfully
# (tools/check_survey_sources.py): every source cites a seed document, and
# every quoted figure holds the figure as written.  With the seed documents
# (ISCM_SEEDS: their directory, which is not part of the repository) every
# published figure, named State and quoted phrase must also be found in the
# document it cites.
set -eu
python3 "$ISCM_TOP/tools/check_survey_sources.py" "$ISCM_TOP/data" ${ISCM_SEEDS:+"$ISCM_SEEDS"}
