#!/bin/bash
# Real clients with their default settings: psycopg 3 (text and binary mode)
# and pgjdbc (stock URL, no stringtype=unspecified) against a database with
# iscm, its fixtures and a column of every iscm type: test/clients/*.
# pgjdbc speaks TCP only and the suite's server listens on a socket, so the
# check runs a server of its own on a free loopback port.
# Installs its Debian packages when missing (skips when it cannot); Debian's
# python3, which python3-psycopg installs into, whatever python3 is first on PATH.
. "$ISCM_TOP/test/lib/common.sh"
. "$ISCM_TOP/test/lib/packages.sh"
ensure_packages python3-psycopg libpostgresql-jdbc-java default-jdk-headless || exit 77
jar=/usr/share/java/postgresql.jar
[ -r "$jar" ] || { echo "no $jar"; exit 77; }

as_server_user() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
data=$(server_dir clients-data)
port=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_server_user "$REL_BINDIR/initdb" -D "$data" -U postgres --auth=trust --no-sync -E UTF8 --locale=C.UTF-8 >/dev/null || exit 1
cat >>"$data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$data'
fsync = off
lc_messages = 'C'
EOF
as_server_user "$REL_BINDIR/pg_ctl" -D "$data" -l "$data/server.log" -w start >/dev/null || { cat "$data/server.log"; exit 1; }
trap 'as_server_user "$REL_BINDIR/pg_ctl" -D "$data" -m fast stop >/dev/null' EXIT
export PGHOST=127.0.0.1 PGPORT=$port PGUSER=postgres
db=iscm_clients
"$REL_BINDIR/createdb" "$db" || exit 1
psql_q "$db" -c 'CREATE EXTENSION iscm' -c 'CREATE SCHEMA userdata' \
    -c "ALTER DATABASE $db SET search_path = \"\$user\", public, iscm" || exit 1
for f in "$ISCM_TOP"/test/fixtures/*.sql; do psql_q "$db" -f "$f" >/dev/null || exit 1; done
make_every_type_table "$db" userdata.every_type || exit 1

rc=0
/usr/bin/python3 "$ISCM_TOP/test/clients/psycopg_check.py" "host=127.0.0.1 port=$port user=postgres dbname=$db" || rc=1
java -cp "$jar" "$ISCM_TOP/test/clients/IscmJdbcCheck.java" \
    "jdbc:postgresql://127.0.0.1:$port/$db?user=postgres" || rc=1
exit $rc
