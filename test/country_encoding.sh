#!/bin/bash
# iscm.country in a LATIN1 database: names are read and printed in the
# database encoding (the country tables are UTF-8), so accented names match
# and come back intact to a UTF-8 client.
set -eu
db=iscm_latin1_check
ref=iscm_utf8_check
dropdb --if-exists "$db"; dropdb --if-exists "$ref"
createdb -E LATIN1 -T template0 --locale=C "$db"
createdb -E UTF8 -T template0 --locale=C "$ref"
trap 'dropdb --if-exists "$db"; dropdb --if-exists "$ref"' EXIT
export PGCLIENTENCODING=UTF8
got=$(psql -X -q -A -t -v ON_ERROR_STOP=1 -d "$db" <<'SQL'
CREATE EXTENSION iscm;
SET search_path = iscm;
SELECT 'Côte d''Ivoire'::country, 'Türkiye'::country, 'Curaçao'::country, 'São Tomé and Príncipe'::country;
SELECT country_name('CIV', 'fr'), country_name('DEU', 'es'), country_name('ALA'::country);
SELECT normalize_country_name('  The Côte d''Ivoire ');
SET iscm.country_output = name;
SELECT 'CIV'::country, 'REU'::country;
RESET iscm.country_output;
SELECT string_agg(code, ',' ORDER BY code) FROM countries WHERE try_country(name_fr) IS DISTINCT FROM code::country OR try_country(name_es) IS DISTINCT FROM code::country;
SELECT count(*) FROM country_names WHERE NOT ambiguous AND country_key(try_country(normalized)) <> key;
SELECT alpha3, match FROM country_candidates('Côte d''Ivoir', 1);
SQL
)
want=$(cat <<'EOF2'
CIV|TUR|CUW|STP
Côte d'Ivoire|Alemania|Åland Islands
cote d ivoire
Côte d'Ivoire|Réunion
COUNT_FR
0
CIV|fuzzy
EOF2
)
# the French and Spanish names that do not read back (ambiguous ones) are the same as in a UTF-8 database
psql -X -q -v ON_ERROR_STOP=1 -d "$ref" -c 'CREATE EXTENSION iscm'
utf8_fr=$(psql -X -q -A -t -v ON_ERROR_STOP=1 -d "$ref" -c "SET search_path = iscm;
  SELECT string_agg(code, ',' ORDER BY code) FROM countries
   WHERE try_country(name_fr) IS DISTINCT FROM code::country OR try_country(name_es) IS DISTINCT FROM code::country")
want=${want/COUNT_FR/$utf8_fr}
if [ "$got" != "$want" ]; then
    echo "LATIN1 database: unexpected output"; diff <(echo "$want") <(echo "$got"); exit 1
fi
# an error message with a suggestion, in the client's encoding
err=$(psql -X -A -t -d "$db" -c "SELECT 'Cote d''Ivoir'::iscm.country" 2>&1 || true)
echo "$err"
echo "$err" | grep -qF "Did you mean \"Côte d'Ivoire\"" || { echo "hint not converted"; exit 1; }
echo "LATIN1 database: names in and out, views, candidates and hints agree"
