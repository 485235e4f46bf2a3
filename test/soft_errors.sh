#!/bin/bash
# Soft input errors, on the majors that have them.
#   16+  pg_input_error_info() returns the message, detail, hint and SQLSTATE
#        that a cast would raise, and pg_input_is_valid() agrees, for every
#        iscm type whose input can fail;
#   17+  COPY ... (ON_ERROR ignore, LOG_VERBOSITY verbose) loads the good rows,
#        skips those with a bad country and names each skipped value;
#   18+  COPY ... REJECT_LIMIT stops the load once too many rows were bad.
# Skipped (77) on a major without pg_input_error_info().
. "$(dirname "$0")/lib/common.sh"
version=$(psql_val postgres "SHOW server_version_num") || exit 1
if [ "$version" -lt 160000 ]; then
    echo "soft input errors need PostgreSQL 16 or later; this server is $(psql_val postgres 'SHOW server_version')"
    exit 77
fi
db=iscm_rel_soft_errors
problems=0
problem() { echo "PROBLEM: $*"; problems=$((problems + 1)); }
expect() {  # expect WHAT GOT WANT
    [ "$2" = "$3" ] && return 0
    problem "$1"; diff <(echo "$3") <(echo "$2") | sed 's/^/    /'
}
new_db "$db"
psql_q "$db" -c 'CREATE EXTENSION iscm' || exit 1

# ---- 16+: pg_input_error_info() and pg_input_is_valid() -------------------------
expect "pg_input_error_info('Korea', 'iscm.country')" \
    "$(psql_val "$db" "SELECT message, detail, hint, sql_error_code FROM pg_input_error_info('Korea', 'iscm.country')")" \
    'invalid input syntax for type country: "Korea"|"Korea" is a name of more than one country.|"Korea" could be KOR (Korea, Republic of) or PRK (Korea, Democratic People'"'"'s Republic of).|22P02'

# Every value the cast rejects is invalid without an error, and the soft error
# carries the same SQLSTATE and message as the hard one.
while IFS='|' read -r type value; do
    sql_value=${value//\'/\'\'}
    soft=$(psql_val "$db" "SELECT pg_input_is_valid('$sql_value', '$type'), sql_error_code, message
                           FROM pg_input_error_info('$sql_value', '$type')" 2>&1)
    hard=$("$REL_BINDIR/psql" -X -A -t -q -v VERBOSITY=sqlstate -d "$db" -c "SELECT '$sql_value'::$type" 2>&1)
    hard_msg=$("$REL_BINDIR/psql" -X -A -t -q -d "$db" -c "SELECT '$sql_value'::$type" 2>&1 | sed -n 's/^ERROR:  //p')
    expect "$type '$value' is invalid with the cast's error" "$soft" "f|${hard#ERROR:  }|$hard_msg"
done <<'EOF'
iscm.country|Korea
iscm.country|Germny
iscm.country|
iscm.country|QZ
iscm.country_set|{USA,Korea}
iscm.country_set|{USA,
iscm.design_summary|abc
iscm.design_summary|0g
iscm.design_summary|00
iscm.design_sample|abc
iscm.design_sample|zz
iscm.design_sample|ff
EOF
expect "valid values are valid" \
    "$(psql_val "$db" "SELECT pg_input_is_valid('Germany', 'iscm.country'), pg_input_is_valid('{USA,DEU}', 'iscm.country_set')")" \
    "t|t"

# ---- 17+: COPY ... ON_ERROR ignore -------------------------------------------------
if [ "$version" -ge 170000 ]; then
    psql_q "$db" -c "CREATE TABLE loaded (name text, c iscm.country)" || exit 1
    notices=$(printf 'a\tUSA\nb\tKorea\nc\tGermany\nd\tGermny\ne\t\\N\n' |
        "$REL_BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -d "$db" \
            -c "COPY loaded FROM STDIN (ON_ERROR ignore, LOG_VERBOSITY verbose)" 2>&1) ||
        problem "COPY ... (ON_ERROR ignore) failed: $notices"
    expect "COPY ON_ERROR ignore names each skipped value" "$notices" \
        'NOTICE:  skipping row due to data type incompatibility at line 2 for column "c": "Korea"
NOTICE:  skipping row due to data type incompatibility at line 4 for column "c": "Germny"
NOTICE:  2 rows were skipped due to data type incompatibility'
    expect "COPY ON_ERROR ignore loads the good rows" \
        "$(psql_val "$db" "SELECT string_agg(name || '=' || coalesce(c::text, 'NULL'), ',' ORDER BY name) FROM loaded")" \
        "a=USA,c=DEU,e=NULL"
fi

# ---- 18+: COPY ... REJECT_LIMIT --------------------------------------------------
if [ "$version" -ge 180000 ]; then
    rows='USA\nKorea\nGermany\nGermny\n'
    psql_q "$db" -c "CREATE TABLE limited (c iscm.country)" || exit 1
    out=$(printf "$rows" | "$REL_BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -d "$db" \
        -c "COPY limited FROM STDIN (ON_ERROR ignore, REJECT_LIMIT 2)" 2>&1) ||
        problem "COPY with REJECT_LIMIT 2 and two bad rows failed: $out"
    out=$(printf "$rows" | "$REL_BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -v VERBOSITY=sqlstate -d "$db" \
        -c "COPY limited FROM STDIN (ON_ERROR ignore, REJECT_LIMIT 1)" 2>&1) &&
        problem "COPY with REJECT_LIMIT 1 and two bad rows succeeded"
    expect "REJECT_LIMIT 1 stops at the second bad row" "$out" "ERROR:  22P02"
    expect "only the load within the limit stayed" \
        "$(psql_val "$db" "SELECT string_agg(c::text, ',') FROM limited")" "USA,DEU"
fi

[ "$problems" -eq 0 ] && echo "soft input errors: pg_input_error_info, COPY ON_ERROR and REJECT_LIMIT as far as PostgreSQL $(psql_val postgres 'SHOW server_version') has them"
[ "$problems" -eq 0 ]
