#!/usr/bin/env python3
"""Assemble iscm install and update scripts from the fragments in src/sql/<version>/.

    assemble_script.py --to 1.2        full script for a fresh install of 1.2
    assemble_script.py --delta 1.0--1.1 update script from 1.0 to 1.1

A fresh install concatenates every version's fragments up to the target, so a
fresh install and a step-by-step update run exactly the same statements.

Inside a fragment, a line

    -- @load iscm.some_table data/some_file.csv

makes the table a seed table and loads its seed rows: INSERT statements built
from the CSV (first line = column names, empty field = NULL) with is_seed =
true, and around them the protection every seed table shares (SEED_TABLE
below).  Seed rows therefore live in data/*.csv, each with its source column,
and reach the database only through CREATE EXTENSION or ALTER EXTENSION UPDATE.

A later version adds seed rows to a table an earlier version made a seed
table with a line

    -- @append iscm.some_table data/some_new_file.csv

which becomes the same INSERTs, with only the INSERT guard lifted around them
(SEED_APPEND below): the triggers are already there and the table is already
registered with pg_extension_config_dump.  The other triggers of the table
(its checks) run on the appended rows as on any other.  An @append of a table
that no earlier fragment @loads is refused, and so is an @load of a table that
already is a seed table.
"""
import argparse
import csv
import os
import re
import sys

GUARD = '\\echo Use "{verb}" to load this file. \\quit\n'

# Whoever owns the schema controls every name in it: they could drop, rename
# or shadow the extension's objects, or plant functions its scripts and
# functions would call.  So the schema must belong to a superuser or to the
# extension's owner (contrib refuses the same class of setups, CVE-2018-1058
# and CVE-2023-39417).  Objects other roles created in it could stand in for
# what a script calls or is about to create, so install and update scripts
# refuse those too: then no script ever resolves a name through objects of
# another role.  A trusted install by a role that is not a superuser runs this
# script as the bootstrap superuser in a schema the caller owns (CREATE
# EXTENSION made it for them): the script takes the schema over, since its
# owner could rename it and put a schema of its own under the name every
# function body refers to.  The block runs with the script's search_path, so
# every name in it is pg_catalog-qualified.
GUARD_OWNER = """\
DO $guard$
DECLARE
    ext_owner oid := (SELECT e.extowner FROM pg_catalog.pg_extension e
                       WHERE e.extname OPERATOR(pg_catalog.=) 'iscm'::pg_catalog.name);
    schema_owner oid := (SELECT n.nspowner FROM pg_catalog.pg_namespace n
                          WHERE n.oid OPERATOR(pg_catalog.=) '@extschema@'::pg_catalog.regnamespace);
    schema_acl pg_catalog.aclitem[] := (SELECT n.nspacl FROM pg_catalog.pg_namespace n
                                         WHERE n.oid OPERATOR(pg_catalog.=) '@extschema@'::pg_catalog.regnamespace);
    owner_is_superuser boolean := (SELECT r.rolsuper FROM pg_catalog.pg_roles r
                                    WHERE r.oid OPERATOR(pg_catalog.=) schema_owner);
    foreign_objects text;
BEGIN
    IF schema_owner OPERATOR(pg_catalog.<>) ext_owner AND NOT owner_is_superuser THEN
        RAISE EXCEPTION USING
            ERRCODE = 'object_not_in_prerequisite_state',
            MESSAGE = pg_catalog.format('schema %I is owned by role %s, not by %s, who owns extension iscm',
                                        '@extschema@', schema_owner::pg_catalog.regrole, ext_owner::pg_catalog.regrole),
            DETAIL = 'The owner of a schema can replace or shadow every object in it, so iscm only lives in a schema of its own owner or of a superuser.',
            HINT = pg_catalog.format('Drop or rename schema %I, or have it owned by %s (ALTER SCHEMA ... OWNER TO), then try again.',
                                     '@extschema@', ext_owner::pg_catalog.regrole);
    END IF;
    IF NOT owner_is_superuser AND schema_acl IS NOT NULL THEN
        RAISE EXCEPTION USING
            ERRCODE = 'object_not_in_prerequisite_state',
            MESSAGE = pg_catalog.format('schema %I carries privileges granted by its owner %s: %s',
                                        '@extschema@', schema_owner::pg_catalog.regrole, schema_acl::text),
            DETAIL = 'iscm takes over a schema that is not a superuser''s, and grants made in it would outlive the change of owner.',
            HINT = pg_catalog.format('Drop schema %I (CREATE EXTENSION makes it again) and try again.', '@extschema@');
    END IF;
"""

FOREIGN_OBJECTS_CHECK = """\
    SELECT pg_catalog.string_agg(pg_catalog.format('%I.%s (owner %s)', '@extschema@', o.what, o.owner::pg_catalog.regrole), ', ')
      INTO foreign_objects
      FROM (SELECT pg_catalog.quote_ident(c.relname) AS what, c.relowner AS owner
              FROM pg_catalog.pg_class c WHERE c.relnamespace OPERATOR(pg_catalog.=) '@extschema@'::pg_catalog.regnamespace
            UNION ALL
            SELECT pg_catalog.format('%I(%s)', p.proname, pg_catalog.pg_get_function_identity_arguments(p.oid)), p.proowner
              FROM pg_catalog.pg_proc p WHERE p.pronamespace OPERATOR(pg_catalog.=) '@extschema@'::pg_catalog.regnamespace
            UNION ALL
            SELECT pg_catalog.format('%s(%s, %s)', o.oprname, o.oprleft::pg_catalog.regtype, o.oprright::pg_catalog.regtype), o.oprowner
              FROM pg_catalog.pg_operator o WHERE o.oprnamespace OPERATOR(pg_catalog.=) '@extschema@'::pg_catalog.regnamespace
            UNION ALL
            SELECT pg_catalog.quote_ident(t.typname), t.typowner
              FROM pg_catalog.pg_type t WHERE t.typnamespace OPERATOR(pg_catalog.=) '@extschema@'::pg_catalog.regnamespace
            UNION ALL
            SELECT pg_catalog.quote_ident(c.collname), c.collowner
              FROM pg_catalog.pg_collation c WHERE c.collnamespace OPERATOR(pg_catalog.=) '@extschema@'::pg_catalog.regnamespace
            UNION ALL
            SELECT pg_catalog.quote_ident(c.conname), c.conowner
              FROM pg_catalog.pg_conversion c WHERE c.connamespace OPERATOR(pg_catalog.=) '@extschema@'::pg_catalog.regnamespace
            UNION ALL
            SELECT pg_catalog.quote_ident(f.opfname), f.opfowner
              FROM pg_catalog.pg_opfamily f WHERE f.opfnamespace OPERATOR(pg_catalog.=) '@extschema@'::pg_catalog.regnamespace
           ) AS o
     WHERE o.owner OPERATOR(pg_catalog.<>) ext_owner
       AND NOT (SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.oid OPERATOR(pg_catalog.=) o.owner);
    IF foreign_objects IS NOT NULL THEN
        RAISE EXCEPTION USING
            ERRCODE = 'object_not_in_prerequisite_state',
            MESSAGE = pg_catalog.format('schema %I already holds objects of other roles', '@extschema@'),
            DETAIL = pg_catalog.format('Objects: %s.', foreign_objects),
            HINT = 'They could stand in for what iscm calls or creates: move them to another schema (ALTER ... SET SCHEMA) or drop them.';
    END IF;
"""
TAKE_OVER_SCHEMA = """\
    IF NOT owner_is_superuser THEN
        EXECUTE pg_catalog.format('ALTER SCHEMA %I OWNER TO %I', '@extschema@', CURRENT_USER);
    END IF;
"""
SCHEMA_GUARD = GUARD_OWNER + FOREIGN_OBJECTS_CHECK + TAKE_OVER_SCHEMA + "END\n$guard$;\n"

# What the role that installs or updates iscm may do with it.  For a superuser
# these grants change nothing; a trusted install by a database owner leaves
# every object owned by the bootstrap superuser, so this is what the owner
# gets: read everything, add and edit user rows and reference them from its
# own tables (the seed-row triggers refuse changes to seed rows whoever asks),
# and pass these rights on to analysts.
# The role name is substituted as an identifier only, never inside a literal.
OWNER_GRANTS = """
GRANT USAGE ON SCHEMA @extschema@ TO @extowner@ WITH GRANT OPTION;
GRANT SELECT, INSERT, UPDATE, DELETE, REFERENCES ON ALL TABLES IN SCHEMA @extschema@ TO @extowner@ WITH GRANT OPTION;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA @extschema@ TO @extowner@ WITH GRANT OPTION;
"""
LOAD = re.compile(r'^--\s*@load\s+(\S+)\s+(\S+)\s*$')
APPEND = re.compile(r'^--\s*@append\s+(\S+)\s+(\S+)\s*$')
ROWS_PER_INSERT = 200

# Seed rows are not dumped (pg_dump keeps only WHERE NOT is_seed), so they must
# never change after loading, and no other row may claim to be one.  The guard
# triggers have no bypass a session could switch on: a setting any role can SET
# would be no guard.  The extension's scripts load the rows with the INSERT
# guard disabled, which only the table's owner (the extension's owner) can do;
# a role that owns the table could drop the triggers anyway.
SEED_TABLE = """\
CREATE TRIGGER seed_rows_read_only BEFORE UPDATE OR DELETE ON {table}
    FOR EACH ROW WHEN (OLD.is_seed) EXECUTE FUNCTION @extschema@._protect_seed_rows();
COMMENT ON TRIGGER seed_rows_read_only ON {table} IS
    'Seed rows (is_seed) of {name} are read-only: UPDATE or DELETE of one fails with 55000, since pg_dump does not dump seed rows and a change would be lost on restore.';
CREATE TRIGGER seed_rows_added_by_install_only BEFORE INSERT OR UPDATE ON {table}
    FOR EACH ROW WHEN (NEW.is_seed) EXECUTE FUNCTION @extschema@._protect_seed_rows();
COMMENT ON TRIGGER seed_rows_added_by_install_only ON {table} IS
    'Only the extension''s scripts may add seed rows to {name} or mark a row is_seed (55000 otherwise): pg_dump skips such rows.';
CREATE TRIGGER seed_rows_not_truncated BEFORE TRUNCATE ON {table}
    FOR EACH STATEMENT EXECUTE FUNCTION @extschema@._protect_seed_rows();
COMMENT ON TRIGGER seed_rows_not_truncated ON {table} IS
    'TRUNCATE of {name} fails with 55000 while it holds seed rows (DELETE ... WHERE NOT is_seed removes the user rows).';
COMMENT ON COLUMN {table}.is_seed IS
    'True for rows loaded by CREATE EXTENSION or ALTER EXTENSION UPDATE (read-only, not dumped); false for user rows.';
ALTER TABLE {table} DISABLE TRIGGER seed_rows_added_by_install_only;
{inserts}ALTER TABLE {table} ENABLE TRIGGER seed_rows_added_by_install_only;
SELECT pg_catalog.pg_extension_config_dump('{table}', 'WHERE NOT is_seed');
"""

# Rows added to a seed table by a later version: the guard that keeps sessions
# from adding seed rows is lifted for these INSERTs only, as SEED_TABLE does.
SEED_APPEND = """\
ALTER TABLE {table} DISABLE TRIGGER seed_rows_added_by_install_only;
{inserts}ALTER TABLE {table} ENABLE TRIGGER seed_rows_added_by_install_only;
"""


def version_key(v):
    return tuple(int(p) for p in v.split('.'))


def versions(srcdir):
    root = os.path.join(srcdir, 'src', 'sql')
    return sorted((d for d in os.listdir(root) if re.fullmatch(r'\d+(\.\d+)+', d)), key=version_key)


def literal(value):
    if value == '':
        return 'NULL'
    return "'" + value.replace("'", "''") + "'"


def seed_rows(srcdir, path):
    """Header and rows of a seed CSV, with an is_seed column that is true on every row."""
    with open(os.path.join(srcdir, path), newline='', encoding='utf-8') as f:
        rows = list(csv.reader(f))
    if not rows:
        sys.exit(f'{path}: empty CSV')
    header, body = rows[0], rows[1:]
    for n, row in enumerate(body, start=2):
        if len(row) != len(header):
            sys.exit(f'{path}:{n}: {len(row)} fields, header has {len(header)}')
    if 'is_seed' not in header:
        return header + ['is_seed'], [row + ['true'] for row in body]
    i = header.index('is_seed')
    for n, row in enumerate(body, start=2):
        if row[i] not in ('t', 'true'):
            sys.exit(f'{path}:{n}: is_seed is {row[i]!r}; every row of a seed file is a seed row')
    return header, body


def csv_inserts(srcdir, table, path):
    header, body = seed_rows(srcdir, path)
    cols = ', '.join(header)
    out = [f'-- {len(body)} rows from {path}\n']
    for i in range(0, len(body), ROWS_PER_INSERT):
        chunk = body[i:i + ROWS_PER_INSERT]
        values = ',\n  '.join('(' + ', '.join(literal(v) for v in row) + ')' for row in chunk)
        out.append(f'INSERT INTO {table} ({cols}) VALUES\n  {values};\n')
    return ''.join(out)


def seed_table(srcdir, table, path):
    name = table.split('.')[-1]
    return SEED_TABLE.format(table=table, name=name, inserts=csv_inserts(srcdir, table, path))


def fragment_text(srcdir, path, seed_tables):
    """The fragment with its @load and @append lines expanded; seed_tables (the
    tables earlier fragments @load) grows by the tables this one @loads."""
    out = []
    rel = os.path.relpath(path, srcdir)
    with open(path, encoding='utf-8') as f:
        for n, line in enumerate(f, start=1):
            m = LOAD.match(line)
            a = APPEND.match(line)
            if m:
                if m.group(1) in seed_tables:
                    sys.exit(f'{rel}:{n}: {m.group(1)} is already a seed table; add rows with -- @append')
                seed_tables.add(m.group(1))
                out.append(seed_table(srcdir, m.group(1), m.group(2)))
            elif a:
                if a.group(1) not in seed_tables:
                    sys.exit(f'{rel}:{n}: -- @append to {a.group(1)}, which no earlier fragment makes a seed table (-- @load)')
                out.append(SEED_APPEND.format(table=a.group(1), inserts=csv_inserts(srcdir, a.group(1), a.group(2))))
            else:
                out.append(line)
    return ''.join(out)


def loaded_tables(srcdir, wanted_versions):
    """Tables the @load lines of these versions' fragments make seed tables."""
    tables = set()
    for v in wanted_versions:
        for path in fragments(srcdir, v):
            with open(path, encoding='utf-8') as f:
                tables.update(m.group(1) for m in map(LOAD.match, f) if m)
    return tables


def fragments(srcdir, version):
    d = os.path.join(srcdir, 'src', 'sql', version)
    return [os.path.join(d, f) for f in sorted(os.listdir(d)) if f.endswith('.sql')]


def assemble(srcdir, wanted, verb, earlier=()):
    seed_tables = loaded_tables(srcdir, earlier)
    parts = [f'/* generated by tools/assemble_script.py from src/sql/ -- do not edit */\n', GUARD.format(verb=verb),
             '\n', SCHEMA_GUARD]
    for v in wanted:
        for path in fragments(srcdir, v):
            rel = os.path.relpath(path, srcdir)
            parts.append(f'\n-- ===== {rel} =====\n')
            parts.append(fragment_text(srcdir, path, seed_tables))
    parts.append('\n-- ===== the installing role\'s rights =====\n')
    parts.append(OWNER_GRANTS)
    return ''.join(parts)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--srcdir', default='.')
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument('--to')
    g.add_argument('--delta')
    a = ap.parse_args()
    all_versions = versions(a.srcdir)
    if a.to:
        if a.to not in all_versions:
            sys.exit(f'unknown version {a.to}')
        wanted = all_versions[:all_versions.index(a.to) + 1]
        sys.stdout.write(assemble(a.srcdir, wanted, 'CREATE EXTENSION iscm'))
    else:
        old, new = a.delta.split('--')
        i, j = all_versions.index(old), all_versions.index(new)
        if j != i + 1:
            sys.exit(f'{a.delta}: update scripts go one version at a time')
        sys.stdout.write(assemble(a.srcdir, [new], f"ALTER EXTENSION iscm UPDATE TO '{new}'", all_versions[:j]))


if __name__ == '__main__':
    main()
