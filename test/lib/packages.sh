# ensure_packages PKG...: install the Debian packages a check needs, only those
# missing, quietly (sourced by test/*.sh).  Returns 1, saying why, when one
# cannot be installed (not root, no apt, no archive): the caller then skips.
# The packages of the build and the core suite are tools/setup-debian's.
ensure_packages() {
    local p missing=()
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
        echo "missing Debian packages: ${missing[*]} (install them as root)"
        return 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    # a fresh machine may have no package lists yet: update once, then retry
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1 \
        || { apt-get update -qq >/dev/null 2>&1 &&
             apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1; } \
        || { echo "could not install Debian packages: ${missing[*]}"; return 1; }
}
