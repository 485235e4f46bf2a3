#!/bin/bash
# The governance registry survives pg_dump / pg_restore: user rows of every
# registry table come back exactly once (pg_extension_config_dump ... WHERE NOT
# is_seed), seed rows are recreated by CREATE EXTENSION and never duplicated,
# id sequences continue after the restored user ids, and the restore runs under
# pg_restore's empty search_path with every trigger and foreign key in force.
set -eu
src=iscm_gov_dump_src
dst=iscm_gov_dump_dst
dump=$ISCM_TMP/governance.dump
cleanup() { dropdb --if-exists "$src"; dropdb --if-exists "$dst"; }
trap cleanup EXIT
cleanup
createdb "$src"
createdb "$dst"

psql -X -q -v ON_ERROR_STOP=1 -d "$src" <<'SQL'
CREATE EXTENSION iscm;
INSERT INTO iscm.participation_roles (role, description, source) VALUES ('founding member', 'Took part in the founding', 'user');
INSERT INTO iscm.event_levels (level, description, source) VALUES ('expert meeting', 'Meeting of experts', 'user');
INSERT INTO iscm.event_roles (role, description, source) VALUES ('note taker', 'Takes notes', 'user');
INSERT INTO iscm.organizations (code, name, kind, source) VALUES ('TO', 'Test Organization', 'other', 'user');
INSERT INTO iscm.mechanisms (code, name, acronym, kind, founded, secretariat, source)
VALUES ('TP', 'Test Process', 'TP', 'regional consultative process', '2010-05', 'TO', 'user');
INSERT INTO iscm.mechanism_aliases (alias, mechanism, source) VALUES ('The Test Process', 'TP', 'user');
INSERT INTO iscm.mechanism_claims (mechanism, attribute, value, as_of, source) VALUES ('TP', 'founded', '2009', NULL, 'user: other source');
INSERT INTO iscm.mechanism_relations (mechanism, relation, related_organization, source) VALUES ('TP', 'secretariat', 'TO', 'user');
INSERT INTO iscm.structures (mechanism, name, kind, established, source) VALUES ('TP', 'Chair', 'post', '2010', 'user');
INSERT INTO iscm.participations (mechanism, state, role, start_date, end_date, source)
SELECT 'TP', c, 'founding member', '2010-05', NULL, 'user' FROM unnest(ARRAY['Chile', 'Peru', 'Ivory Coast']::iscm.country[]) c;
INSERT INTO iscm.participations (mechanism, organization, role, start_date, start_basis, source)
VALUES ('TP', 'TO', 'secretariat', '2011', 'attested', 'user');
INSERT INTO iscm.participations (mechanism, state, role, start_date, end_date, source)
VALUES ('GFMD', 'Chile', 'member', '2020', '2021', 'user: joins a seed mechanism');
INSERT INTO iscm.chairs (mechanism, holder_state, start_date, end_date, theme, source)
VALUES ('TP', 'Chile', '2010', '2011', 'Founding', 'user'), ('TP', 'Peru', '2012', '2012', NULL, 'user');
INSERT INTO iscm.chairs (mechanism, holder_unknown, start_date, end_date, source) VALUES ('TP', true, '2013', '2013', 'user');
-- a child inserted before its parent is updated: the parent's new heap position puts it after the child in the dump
INSERT INTO iscm.events (code, mechanism, title, level, start_date, end_date, city, country, source)
VALUES ('TP-1', 'TP', 'First meeting', 'expert meeting', '2010-06-01', '2010-06-03', 'Lima', 'Peru', 'user');
INSERT INTO iscm.events (code, mechanism, parent, title, level, start_date, start_time, source)
VALUES ('TP-1a', 'TP', 'TP-1', 'Round table', 'round table', '2010-06-02', '10:00', 'user');
UPDATE iscm.events SET note = 'moved' WHERE code = 'TP-1';
INSERT INTO iscm.event_participants (event, state, role, detail, tentative, source)
VALUES ('TP-1', 'Peru', 'host', 'Host', false, 'user'), ('TP-1a', 'Chile', 'note taker', NULL, true, 'user');
INSERT INTO iscm.themes (mechanism, theme, as_of, source) VALUES ('TP', 'Data on migration', '2010', 'user');
INSERT INTO iscm.theme_mappings (theme_id, framework, code, basis, source)
SELECT max(id), 'GCM', '1', 'editorial', 'user reading' FROM iscm.themes WHERE NOT is_seed;
SQL
# the dumping session prints countries by name
psql -X -q -v ON_ERROR_STOP=1 -d "$src" -c "ALTER DATABASE $src SET iscm.country_output = 'name'"

"$ISCM_BINDIR/pg_dump" -Fc -f "$dump" "$src" 2>"$ISCM_TMP/governance_dump.err" || { cat "$ISCM_TMP/governance_dump.err"; exit 1; }
"$ISCM_BINDIR/pg_restore" --exit-on-error -d "$dst" "$dump"

tables="participation_roles event_levels event_roles organizations mechanisms mechanism_aliases mechanism_claims
        mechanism_relations structures participations chairs events event_participants themes theme_mappings framework_items"
fingerprint() {
    local db=$1 sql="SET iscm.country_output = alpha3;" t
    for t in $tables; do
        sql+=" SELECT '$t', count(*) FILTER (WHERE is_seed), count(*) FILTER (WHERE NOT is_seed),
                      md5(coalesce(string_agg(x::text, ';' ORDER BY x::text) FILTER (WHERE NOT is_seed), ''))
                 FROM iscm.$t x;"
    done
    psql -X -A -t -F ' ' -v ON_ERROR_STOP=1 -d "$db" -c "$sql" | grep -v '^SET$'
}
fingerprint "$src" >"$ISCM_TMP/gov_src.txt"
fingerprint "$dst" >"$ISCM_TMP/gov_dst.txt"
if ! diff "$ISCM_TMP/gov_src.txt" "$ISCM_TMP/gov_dst.txt"; then
    echo "registry differs after restore (table, seed rows, user rows, md5 of user rows)"; exit 1
fi
echo "tables (seed rows, user rows) after restore:"; awk '{printf "  %s %s+%s\n", $1, $2, $3}' "$ISCM_TMP/gov_dst.txt"

# user rows exist and no seed row was dumped (a dumped seed row would duplicate a key and fail the restore)
seed_participations=$(python3 -c 'import csv, sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], encoding="utf-8"))) - 1)' "$ISCM_TOP/data/participations.csv")
grep -q "^participations $seed_participations 5 " "$ISCM_TMP/gov_dst.txt" \
    || { echo "expected $seed_participations seed (data/participations.csv) + 5 user participations"; exit 1; }

# sequences continue after the restored user ids; functions see the restored rows
psql -X -A -t -v ON_ERROR_STOP=1 -d "$dst" <<'SQL' >"$ISCM_TMP/gov_after.txt"
SELECT nextval('iscm.participations_id_seq') > (SELECT max(id) FROM iscm.participations);
SELECT nextval('iscm.chairs_id_seq') > (SELECT max(id) FROM iscm.chairs);
SELECT string_agg(array_to_string(holders, '&'), ',' ORDER BY term) FROM iscm.troika_on('The Test Process', '2012-06-01');
SELECT iscm.cardinality(iscm.members_on('TP', '2015-01-01', 'founding member'));
SQL
expected=$'t\nt\nChile,Peru,unknown\n3'
if [ "$(cat "$ISCM_TMP/gov_after.txt")" != "$expected" ]; then
    echo "after restore, got:"; cat "$ISCM_TMP/gov_after.txt"; echo "expected:"; echo "$expected"; exit 1
fi
echo "sequences continue; troika and members_on read the restored rows"
