# Shared helpers for the reliability checks in test/*.sh (sourced, not run).
#
# Every check runs against the private server of tools/run-tests (PGHOST,
# PGPORT, PGUSER set), makes databases whose names start with "iscm_rel_<check>_"
# and drops them on exit.  ISCM_TOP is the source tree, ISCM_TMP a scratch dir.

set -u
: "${ISCM_TOP:?run through tools/run-tests}" "${ISCM_TMP:?run through tools/run-tests}"
export PGDATABASE=postgres
REL_BINDIR=${ISCM_BINDIR:-$(pg_config --bindir)}
REL_DBS=()

psql_q() {  # psql_q DB [psql args...]: quiet, stop at first error, no psqlrc
    local db=$1; shift
    "$REL_BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -d "$db" "$@"
}

psql_val() {  # psql_val DB SQL [psql args...]: one unaligned value per line
    local db=$1 sql=$2; shift 2
    "$REL_BINDIR/psql" -X -A -t -q -v ON_ERROR_STOP=1 -d "$db" -c "$sql" "$@"
}

new_db() {  # new_db NAME: (re)create an empty database and drop it on exit
    "$REL_BINDIR/dropdb" --if-exists "$1" 2>/dev/null
    "$REL_BINDIR/createdb" "$1" || exit 1
    REL_DBS+=("$1")
}

# dump_custom DB: pg_dump -Fc of DB into $ISCM_TMP/DB.dump; prints that file's name
dump_custom() {
    local file=$ISCM_TMP/$1.dump
    "$REL_BINDIR/pg_dump" -Fc -f "$file" "$1" || return 1
    echo "$file"
}

# restore_custom FILE DB: a fresh DB (new_db) restored from FILE, stopping at the first error
restore_custom() {
    new_db "$2"
    "$REL_BINDIR/pg_restore" --exit-on-error -d "$2" "$1"
}

# load_fixture DB AREA: the extension, schema userdata and test/fixtures/*_AREA.sql
load_fixture() {
    psql_q "$1" -c 'CREATE EXTENSION iscm' -c 'CREATE SCHEMA userdata' \
        -f "$(ls "$ISCM_TOP"/test/fixtures/[0-9]*_"$2".sql)"
}

drop_dbs() {
    local db
    for db in "${REL_DBS[@]+"${REL_DBS[@]}"}"; do
        "$REL_BINDIR/dropdb" --if-exists "$db" 2>/dev/null
    done
}
trap drop_dbs EXIT

# Versions in upgrade order, from the Makefile (the one list the build uses).
ext_versions() {
    sed -n 's/^EXT_VERSIONS *= *//p' "$ISCM_TOP/Makefile"
}

default_version() {
    sed -n "s/^default_version *= *'\(.*\)'.*/\1/p" "$ISCM_TOP/iscm.control"
}

# A directory the server process can write and read (for server-side COPY).
server_dir() {
    local d=$ISCM_TMP/$1
    rm -rf "$d"; mkdir -p "$d"
    if [ "$(id -u)" = 0 ]; then chown postgres: "$d"; fi
    echo "$d"
}

# SQL that loads test/fixtures/literals/<type>.txt (one known-good literal a
# line; blank lines and lines starting with "#" ignored) into pg_temp.type_literals.
literals_sql() {
    local f typ n line
    echo "CREATE TEMP TABLE type_literals (typname text, n int, literal text);"
    for f in "$ISCM_TOP"/test/fixtures/literals/*.txt; do
        [ -e "$f" ] || continue
        typ=$(basename "$f" .txt); n=0
        while IFS= read -r line || [ -n "$line" ]; do
            case $line in ''|'#'*) continue ;; esac
            n=$((n + 1))
            printf "INSERT INTO type_literals VALUES ('%s', %d, '%s');\n" "$typ" "$n" "${line//\'/\'\'}"
        done <"$f"
    done
}

# make_every_type_table DB SCHEMA.TABLE: see test/lib/every_type.sql
make_every_type_table() {
    { literals_sql; cat "$ISCM_TOP/test/lib/every_type.sql"; } | psql_q "$1" -v tbl="$2" -f -
}

# Crash watch: remember the postmaster and the end of the server log now;
# server_survived later fails if the postmaster changed or a backend died.
SERVER_LOG=${ISCM_DATA:+$(dirname "$ISCM_DATA")/server.log}
watch_server() {
    WATCH_PID=$(head -n 1 "$ISCM_DATA/postmaster.pid" 2>/dev/null)
    WATCH_LOG_SIZE=$(stat -c %s "$SERVER_LOG" 2>/dev/null || echo 0)
}
server_survived() {
    local pid crashes
    pid=$(head -n 1 "$ISCM_DATA/postmaster.pid" 2>/dev/null)
    crashes=$(tail -c +"$((WATCH_LOG_SIZE + 1))" "$SERVER_LOG" 2>/dev/null |
              grep -E 'terminated by signal|was terminated by exception|server process .* exited with exit code [^0]|PANIC|TRAP:')
    if [ -n "$crashes" ]; then
        echo "SERVER CRASH:"; echo "$crashes" | head -n 20
        tail -c +"$((WATCH_LOG_SIZE + 1))" "$SERVER_LOG" | grep -B 5 -E 'terminated by signal|PANIC|TRAP:' | head -n 40
        return 1
    fi
    [ "$pid" = "$WATCH_PID" ] || { echo "SERVER RESTARTED: postmaster $WATCH_PID is now '$pid'"; return 1; }
    "$REL_BINDIR/psql" -X -q -d postgres -c 'SELECT 1' >/dev/null || { echo "SERVER DOWN"; return 1; }
}

# setup_fixture_db DB: extension, every test/fixtures/*.sql, userdata.every_type
setup_fixture_db() {
    local f
    new_db "$1"
    psql_q "$1" -c 'CREATE EXTENSION iscm' -c 'CREATE SCHEMA userdata' || return 1
    for f in "$ISCM_TOP"/test/fixtures/*.sql; do
        [ -e "$f" ] || continue
        psql_q "$1" -f "$f" || { echo "fixture $f failed"; return 1; }
    done
    make_every_type_table "$1" userdata.every_type
}
