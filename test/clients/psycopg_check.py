"""psycopg 3 with its default settings, in text and in binary mode, against a
database with iscm: every iscm type read and written back from Python str
(and lists of str for the arrays), every view read with plain Python values,
views described as BI tools read them (information_schema.columns and
comments), the detail and hint of a bad country reaching the client.

Run by test/clients.sh: python3 psycopg_check.py CONNINFO.  Prints one line
per problem and a count; exits 1 on any problem.
"""
import sys

import psycopg
from psycopg import errors, sql

checks = 0
problems = 0

PLAIN = {"text", "character varying", "smallint", "integer", "bigint", "numeric", "real",
         "double precision", "boolean", "date", "timestamp without time zone",
         "timestamp with time zone"}


def check(ok, what):
    global checks, problems
    checks += 1
    if not ok:
        problems += 1
        print("PROBLEM:", what)


def columns(conn, schema, table):
    return [r[0] for r in conn.execute(
        "SELECT column_name FROM information_schema.columns"
        " WHERE table_schema = %s AND table_name = %s ORDER BY ordinal_position", (schema, table))]


def types_round_trip(conn, binary):
    """Read every column of userdata.every_type as text, write it back as str."""
    mode = "binary" if binary else "text"
    copy = f"psycopg_copy_{mode}"
    cols = columns(conn, "userdata", "every_type")
    check(len(cols) > 5, f"userdata.every_type has its columns: {cols}")
    conn.execute(sql.SQL("CREATE TABLE userdata.{} (LIKE userdata.every_type)").format(sql.Identifier(copy)))
    # the text form of each value, and of each array's elements, as an
    # application holding strings would have them
    select = sql.SQL(", ").join(
        sql.SQL("{}::text[]").format(sql.Identifier(c)) if c.endswith("_arr")
        else sql.SQL("{}::text").format(sql.Identifier(c)) for c in cols if c != "id")
    rows = conn.execute(sql.SQL("SELECT id, {} FROM userdata.every_type ORDER BY id").format(select)).fetchall()
    check(len(rows) > 1, "every_type has rows")
    insert = sql.SQL("INSERT INTO userdata.{} ({}) VALUES ({})").format(
        sql.Identifier(copy), sql.SQL(", ").join(map(sql.Identifier, cols)),
        sql.SQL(", ").join(sql.Placeholder() * len(cols)))
    with conn.cursor(binary=binary) as cur:
        for row in rows:
            try:
                cur.execute(insert, row, binary=binary)
            except psycopg.Error as e:
                check(False, f"{mode}: inserting row {row[0]} as str: {e}")
                conn.rollback()
                return
    differ = conn.execute(sql.SQL(
        "SELECT count(*) FROM userdata.every_type e FULL JOIN userdata.{} c USING (id)"
        " WHERE e::text IS DISTINCT FROM c::text").format(sql.Identifier(copy))).fetchone()[0]
    check(differ == 0, f"{mode}: every value written as str reads back the same ({differ} rows differ)")
    # binary results: iscm types come as their SEND bytes
    with conn.cursor(binary=binary) as cur:
        cur.execute("SELECT c_country, iscm.country_send(c_country), c_country_set::text"
                    " FROM userdata.every_type WHERE c_country IS NOT NULL ORDER BY id LIMIT 1")
        value, sent, as_text = cur.fetchone()
        check(value == (sent if binary else value) and value is not None,
              f"{mode}: a country reads as {value!r}")
        check(isinstance(as_text, str), f"{mode}: a country_set as text reads as str")


def views_read(conn, binary):
    mode = "binary" if binary else "text"
    views = [r[0] for r in conn.execute(
        "SELECT table_name FROM information_schema.views WHERE table_schema = 'iscm' ORDER BY 1")]
    n_views = conn.execute("SELECT count(*) FROM pg_class WHERE relnamespace = 'iscm'::regnamespace"
                           " AND relkind = 'v'").fetchone()[0]
    check(len(views) == n_views, f"information_schema.views lists every iscm view: {views}")
    for v in views:
        with conn.cursor(binary=binary) as cur:
            cur.execute(sql.SQL("SELECT * FROM iscm.{}").format(sql.Identifier(v)))
            rows = cur.fetchall()
            check(len(rows) > 0, f"{mode}: view {v} has rows")
            for row in rows:
                for d, value in zip(cur.description, row):
                    check(not isinstance(value, (bytes, list, tuple, dict)),
                          f"{mode}: {v}.{d.name} reads as a plain Python value, not {type(value)}")
    if binary:
        return
    for v, col, data_type, view_comment, col_comment in conn.execute(
            "SELECT c.table_name, c.column_name, c.data_type,"
            "       obj_description(format('iscm.%I', c.table_name)::regclass, 'pg_class'),"
            "       col_description(format('iscm.%I', c.table_name)::regclass, c.ordinal_position::int)"
            "  FROM information_schema.columns AS c JOIN information_schema.views AS v USING (table_schema, table_name)"
            " WHERE c.table_schema = 'iscm'"):
        check(data_type in PLAIN, f"information_schema: {v}.{col} is {data_type}")
        check(bool(view_comment), f"view {v} has a comment")
        check(bool(col_comment), f"{v}.{col} has a comment")


def bad_country(conn, binary):
    mode = "binary" if binary else "text"
    try:
        with conn.cursor(binary=binary) as cur:
            cur.execute("INSERT INTO userdata.every_type (id, c_country) VALUES (-1, %s)", ("Korea",))
        check(False, f"{mode}: 'Korea' is refused")
    except errors.InvalidTextRepresentation as e:
        check(e.diag.sqlstate == "22P02", f"{mode}: SQLSTATE {e.diag.sqlstate}")
        check(e.diag.message_detail == '"Korea" is a name of more than one country.',
              f"{mode}: detail {e.diag.message_detail!r}")
        check("KOR (Korea, Republic of)" in (e.diag.message_hint or ""), f"{mode}: hint {e.diag.message_hint!r}")
    conn.rollback()


def string_parameters(conn, binary):
    mode = "binary" if binary else "text"
    with conn.cursor(binary=binary) as cur:
        cur.execute("SELECT iscm.country_name(%s::iscm.country, %s)", ("Ivory Coast", "fr"))
        check(cur.fetchone()[0] == "Côte d'Ivoire", f"{mode}: country_name of a str")
        cur.execute("SELECT count(*) FROM iscm.countries WHERE code::iscm.country = %s::iscm.country", ("Germany",))
        check(cur.fetchone()[0] == 1, f"{mode}: comparison with a str")


def main():
    with psycopg.connect(sys.argv[1], autocommit=False) as conn:
        for binary in (False, True):
            types_round_trip(conn, binary)
            conn.commit()
            views_read(conn, binary)
            bad_country(conn, binary)
            string_parameters(conn, binary)
    print(f"psycopg {psycopg.__version__}: {checks} checks, {problems} problems")
    sys.exit(1 if problems else 0)


main()
