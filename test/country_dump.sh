#!/bin/bash
# iscm.country survives pg_dump / pg_restore in every output style: the data
# goes through the text form (COPY), printed by the dumping session's
# iscm.country_output, and must read back as the same keys, for every country
# (current, former, M49-only), with a btree index rebuilt under pg_restore's
# empty search_path.
. "$(dirname "$0")/lib/common.sh"
set -e
src=iscm_rel_country_dump_src
dst=iscm_rel_country_dump_dst
new_db "$src"

psql_q "$src" <<'SQL'
CREATE EXTENSION iscm;
CREATE TABLE stock (key int PRIMARY KEY, origin iscm.country, via iscm.country[]);
INSERT INTO stock SELECT key, code::iscm.country, ARRAY[code::iscm.country, 'SUN', '830'] FROM iscm.countries;
INSERT INTO stock VALUES (-1, NULL, NULL);
CREATE INDEX stock_origin ON stock (origin);
SQL

fingerprint() {
    psql_val "$1" \
        "SELECT count(*), md5(string_agg(key || ':' || coalesce(iscm.country_key(origin)::text, 'NULL') || ':' ||
                   coalesce((SELECT string_agg(iscm.country_key(v)::text, ',') FROM unnest(via) v), 'NULL'), ';' ORDER BY key))
              FROM stock" | tail -n 1
}
want=$(fingerprint "$src")

for style in alpha3 alpha2 numeric name; do
    psql_q "$src" -c "ALTER DATABASE $src SET iscm.country_output = '$style'"
    dump=$(dump_custom "$src")
    case $style in   # Germany (key 2153) as the style prints it
        alpha3) printed=DEU ;; alpha2) printed=DE ;; numeric) printed=276 ;; name) printed=Germany ;;
    esac
    grep -qP "^2153\t$printed\t" <("$REL_BINDIR/pg_restore" -f - "$dump") \
        || { echo "$style: the dump does not print Germany as $printed"; exit 1; }
    restore_custom "$dump" "$dst"
    got=$(fingerprint "$dst")
    [ "$got" = "$want" ] || { echo "$style: restored data differs ($got, want $want)"; exit 1; }
    used=$(psql_val "$dst" "SET enable_seqscan = off;
        EXPLAIN (COSTS OFF) SELECT * FROM stock WHERE origin OPERATOR(iscm.=) 'DEU'" | grep -c stock_origin || true)
    [ "$used" -ge 1 ] || { echo "$style: index not used after restore"; exit 1; }
    echo "$style: $(echo "$got" | cut -d'|' -f1) rows restored identically, index used"
done
