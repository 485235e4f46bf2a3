#!/bin/bash
# tools/report renders each seed survey as HTML; headless Chromium loads it,
# and the page must render: a screenshot of the expected size that is not
# blank and shows the charts' bars, a DOM with one chart per categorical
# question, and no console message (the page has no script and loads
# nothing).  Two control pages prove the checks can fail: a blank page and a
# page that logs to the console.  PNGs are made here, never committed.
# Installs its Debian packages when missing (skips when it cannot).
. "$ISCM_TOP/test/lib/common.sh"
. "$ISCM_TOP/test/lib/packages.sh"
ensure_packages chromium fonts-dejavu-core python3-pil || exit 77
export PATH=$REL_BINDIR:$PATH
out=$ISCM_TMP/report
rm -rf "$out"; mkdir -p "$out"
width=1000 height=1400

# chromium_run FILE: screenshot FILE.png, DOM to FILE.dom, console lines to FILE.console
chromium_run() {
    timeout 120 chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars \
        --user-data-dir="$out/profile" --enable-logging=stderr --v=0 \
        --window-size="$width,$height" --screenshot="$1.png" "file://$1" 2>"$1.log" >/dev/null
    grep -F ':CONSOLE' "$1.log" >"$1.console"
    timeout 120 chromium --headless=new --no-sandbox --disable-gpu --user-data-dir="$out/profile" \
        --dump-dom "file://$1" 2>/dev/null >"$1.dom"
}

db=iscm_rel_report
new_db "$db"
psql_q "$db" -c 'CREATE EXTENSION iscm' || exit 1
rc=0
for survey in gfmd-2007 gfmd-2008 iom-iscm-2019; do
    page=$out/$survey.html
    "$ISCM_TOP/tools/report" "$survey" -d "$db" >"$page" || { echo "tools/report $survey failed"; rc=1; continue; }
    chromium_run "$page"
    questions=$(psql_val "$db" "SELECT count(*) FROM iscm.survey_questions
                                 WHERE survey = '$survey' AND answer_type NOT IN ('number', 'free_text')")
    charts=$(grep -o '<svg ' "$page.dom" | wc -l)
    [ "$charts" -eq "$questions" ] || { echo "$survey: $charts charts in the DOM, expected $questions"; rc=1; }
    [ -s "$page.console" ] && { echo "$survey: console messages:"; cat "$page.console"; rc=1; }
    # the 2008 survey has answers: its bars (first answer colour) must show
    colour=$([ "$survey" = gfmd-2008 ] && echo '#56B4E9')
    /usr/bin/python3 "$ISCM_TOP/test/report/png_check.py" "$page.png" "$width" "$height" 0.01 $colour || rc=1
done

# controls: the checks catch a blank page and a console message
printf '<!DOCTYPE html><html><body></body></html>\n' >"$out/blank.html"
chromium_run "$out/blank.html"
/usr/bin/python3 "$ISCM_TOP/test/report/png_check.py" "$out/blank.html.png" "$width" "$height" 0.01 >/dev/null \
    && { echo "control: a blank page passed the screenshot check"; rc=1; }
printf '<!DOCTYPE html><html><body><p>x</p><script>console.error("control")</script></body></html>\n' >"$out/noisy.html"
chromium_run "$out/noisy.html"
grep -q '"control"' "$out/noisy.html.console" || { echo "control: a console message went unnoticed"; rc=1; }
[ $rc -eq 0 ] && echo "reports of 3 surveys rendered in Chromium; controls caught"
exit $rc
