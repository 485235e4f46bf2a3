#!/bin/bash
# The Debian package, built and used the way a Debian user gets it:
#   1. dpkg-buildpackage -us -uc -b on a clean export of the committed tree
#      (git archive HEAD: uncommitted changes are not in the package);
#   2. dpkg -i of every postgresql-<major>-iscm package built, and a look at
#      what it installed;
#   3. the pg_regress suite against the installed files, on a throw-away
#      cluster of the system PostgreSQL (debian/tests/installcheck, the
#      package's autopkgtest: pg_buildext installcheck, pg_virtualenv), run as
#      an unprivileged user as autopkgtest runs a test that does not need root;
#   4. dpkg --purge, and nothing of iscm left in the system directories.
# Needs root (dpkg) and the build dependencies tools/setup-debian installs;
# exit 77 (skipped) without them.
set -u
: "${ISCM_TOP:?run through tools/run-tests}" "${ISCM_TMP:?run through tools/run-tests}"
skip() { echo "skipped: $*"; exit 77; }
fail() { echo "FAIL: $*"; exit 1; }

[ "$(id -u)" = 0 ] || skip "installing a package needs root"
for tool in git dpkg-buildpackage dpkg-checkbuilddeps pg_buildext pg_virtualenv; do
    command -v "$tool" >/dev/null || skip "$tool is not installed (tools/setup-debian installs it)"
done
cd "$ISCM_TOP" || exit 1
git rev-parse --verify -q HEAD >/dev/null || skip "not a git checkout: the package is built from HEAD"
if [ -n "$(git status --porcelain --untracked-files=no)" ]; then
    echo "note: the package is built from HEAD; uncommitted changes are not in it"
fi

# Packages are installed system-wide: one run at a time on a machine.
exec 9>/var/lock/iscm-debian-package.lock
flock 9

logs=$ISCM_TMP/debian_package
rm -rf "$logs" && mkdir -p "$logs" || exit 1
# The tree and the packages live where the unprivileged user of step 3 can reach them.
work=$(mktemp -d -t iscm-debian-package.XXXXXX) || exit 1
chmod 755 "$work"
cleanup() { rm -rf "$work"; }
trap cleanup EXIT
git archive --prefix=iscm/ HEAD | tar -x -C "$work" || fail "git archive HEAD"
src=$work/iscm
cd "$src" || exit 1
for f in debian/control debian/rules debian/changelog debian/tests/installcheck; do
    [ -f "$f" ] || fail "HEAD has no $f"
done
dpkg-checkbuilddeps 2>&1 || skip "build dependencies are missing (tools/setup-debian installs them)"

read -r -a majors <<<"$(pg_buildext supported-versions | tr '\n' ' ')"
[ "${#majors[@]}" -ge 1 ] || fail "pg_buildext supported-versions lists no PostgreSQL version"
packages=()
for v in "${majors[@]}"; do packages+=("postgresql-$v-iscm"); done
for p in "${packages[@]}"; do
    if dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        skip "$p is already installed on this machine; this check installs and purges it"
    fi
done

# Files of the extension that belong to no package (a "make install") would be
# overwritten by the package and deleted with it.
iscm_files() {  # every iscm file in the system directories of each major
    local v
    for v in "${majors[@]}"; do
        ls -d "/usr/lib/postgresql/$v/lib/iscm.so" "/usr/lib/postgresql/$v/lib/bitcode/iscm"* \
              "/usr/share/postgresql/$v/extension/iscm"[.-]* 2>/dev/null
    done
}
stray=$(iscm_files)
[ -z "$stray" ] && [ ! -d "/usr/share/doc/postgresql-${majors[0]}-iscm" ] ||
    skip "iscm files not installed by this check are present (make uninstall first): $(echo $stray)"

# ---- 1. build ---------------------------------------------------------------------
echo "dpkg-buildpackage -us -uc -b (PostgreSQL ${majors[*]})"
if ! dpkg-buildpackage -us -uc -b >"$logs/build.log" 2>&1; then
    tail -n 80 "$logs/build.log"
    fail "dpkg-buildpackage failed"
fi
debs=()
for p in "${packages[@]}"; do
    deb=$(ls "$work/${p}_"*.deb 2>/dev/null | head -n 1)
    [ -n "$deb" ] || fail "no $p package was built"
    debs+=("$deb")
done

# ---- 2. install ---------------------------------------------------------------------
purge() { dpkg --purge "${packages[@]}" >"$logs/purge.log" 2>&1; }
trap 'purge; cleanup' EXIT
dpkg -i "${debs[@]}" >"$logs/install.log" 2>&1 || { cat "$logs/install.log"; fail "dpkg -i failed"; }
# every committed script: the base script and each update script
scripts=(scripts/iscm--*.sql)
for v in "${majors[@]}"; do
    p=postgresql-$v-iscm
    listed=$(dpkg -L "$p")
    for f in "/usr/lib/postgresql/$v/lib/iscm.so" "/usr/share/postgresql/$v/extension/iscm.control" \
             "${scripts[@]/#scripts//usr/share/postgresql/$v/extension}" "/usr/share/doc/$p/copyright"; do
        grep -qxF "$f" <<<"$listed" || fail "$p does not install $f"
        [ -e "$f" ] || fail "$f is listed by $p but absent"
    done
    outside=$(grep -v -e "^/usr/lib/postgresql/$v/lib" -e "^/usr/share/postgresql/$v/extension" \
                      -e "^/usr/share/doc/$p" -e '^/\.$' -e '^/usr$' -e '^/usr/lib$' -e '^/usr/lib/postgresql$' \
                      -e "^/usr/lib/postgresql/$v$" -e '^/usr/share$' -e '^/usr/share/doc$' \
                      -e '^/usr/share/postgresql$' -e "^/usr/share/postgresql/$v$" <<<"$listed")
    [ -z "$outside" ] || fail "$p installs outside the PostgreSQL $v directories: $outside"
    echo "$p: $(grep -c '^/usr/share/postgresql/.*\.sql$' <<<"$listed") install scripts, iscm.so, copyright"
done

# ---- 3. the regression suite against the installed files -----------------------------
# pg_buildext runs the system's pg_config and pg_virtualenv the system's server:
# nothing of the runner's private install or server.  The cluster belongs to the
# unprivileged user: postgresql-common names every pg_virtualenv cluster
# <major>/regress, and a stop or drop run as root or postgres would delete the pid
# and log files of a system cluster of that name.  Its port is the runner's + 10:
# the suite writes server-side scratch files named after the port into /tmp, and
# files of another user under the same name would be in the way.
chown -R nobody: "$src"
if ! runuser -u nobody -- env -u PGHOST -u PGUSER -u PGDATABASE -u PG_CONFIG PGPORT=$((${PGPORT:-54329} + 10)) \
        HOME="$src" USER=nobody LOGNAME=nobody sh -c 'cd "$1" && debian/tests/installcheck' sh "$src" \
        >"$logs/installcheck.log" 2>&1; then
    grep -v '^20[0-9-]* [0-9:.]* UTC \[' "$logs/installcheck.log" | tail -n 80
    fail "the regression suite failed against the installed package"
fi
grep -E 'tests passed|tests failed' "$logs/installcheck.log"

# ---- 4. purge -------------------------------------------------------------------------
purge || { cat "$logs/purge.log"; fail "dpkg --purge failed"; }
trap cleanup EXIT
left=$(iscm_files)
[ -z "$left" ] || fail "files left after dpkg --purge: $(echo $left)"
echo "purged ${packages[*]}"
