#!/bin/bash
# iscm.country survives pg_dump / pg_restore in every output style: the data
# goes through the text form (COPY), printed by the dumping session's
# iscm.country_output, and must read back as the same keys, for every country
# (current, former, M49-only), with a btree index rebuilt under pg_restore's
# empty search_path.
set -eu
src=iscm_country_dump_src
dst=iscm_country_dump_dst
dump=$ISCM_TMP/country.dump
cleanup() { dropdb --if-exists "$src"; dropdb --if-exists "$dst"; }
trap cleanup EXIT
cleanup
createdb "$src"

psql -X -q -v ON_ERROR_STOP=1 -d "$src" <<'SQL'
CREATE EXTENSION iscm;
CREATE TABLE stock (key int PRIMARY KEY, origin iscm.country, via iscm.country[]);
INSERT INTO stock SELECT key, code::iscm.country, ARRAY[code::iscm.country, 'SUN', '830'] FROM iscm.countries;
INSERT INTO stock VALUES (-1, NULL, NULL);
CREATE INDEX stock_origin ON stock (origin);
SQL

fingerprint() {
    psql -X -A -t -v ON_ERROR_STOP=1 -d "$1" \
        -c "SELECT count(*), md5(string_agg(key || ':' || coalesce(iscm.country_key(origin)::text, 'NULL') || ':' ||
                   coalesce((SELECT string_agg(iscm.country_key(v)::text, ',') FROM unnest(via) v), 'NULL'), ';' ORDER BY key))
              FROM stock" | tail -n 1
}
want=$(fingerprint "$src")

for style in alpha3 alpha2 numeric name; do
    psql -X -q -v ON_ERROR_STOP=1 -d "$src" -c "ALTER DATABASE $src SET iscm.country_output = '$style'"
    "$ISCM_BINDIR/pg_dump" -Fc -f "$dump" "$src"
    case $style in   # Germany (key 2153) as the style prints it
        alpha3) printed=DEU ;; alpha2) printed=DE ;; numeric) printed=276 ;; name) printed=Germany ;;
    esac
    grep -qP "^2153\t$printed\t" <("$ISCM_BINDIR/pg_restore" -f - "$dump") \
        || { echo "$style: the dump does not print Germany as $printed"; exit 1; }
    dropdb --if-exists "$dst"; createdb "$dst"
    "$ISCM_BINDIR/pg_restore" --exit-on-error -d "$dst" "$dump"
    got=$(fingerprint "$dst")
    [ "$got" = "$want" ] || { echo "$style: restored data differs ($got, want $want)"; exit 1; }
    used=$(psql -X -A -t -d "$dst" -c "SET enable_seqscan = off" \
        -c "EXPLAIN (COSTS OFF) SELECT * FROM stock WHERE origin OPERATOR(iscm.=) 'DEU'" | grep -c stock_origin || true)
    [ "$used" -ge 1 ] || { echo "$style: index not used after restore"; exit 1; }
    echo "$style: $(echo "$got" | cut -d'|' -f1) rows restored identically, index used"
done
