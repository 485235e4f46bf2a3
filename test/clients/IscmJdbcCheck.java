// pgjdbc with its default settings against a database with iscm: every iscm
// type read and written back with setString, every view read and described the
// way BI tools read them (DatabaseMetaData.getTables/getColumns with their
// REMARKS), the detail and hint of a bad country reaching the client, and
// accessors and comparisons called with string parameters.
//
// Run by test/clients.sh: java -cp postgresql.jar IscmJdbcCheck.java URL
// Prints one line per problem and "jdbc: N checks" ; exits 1 on any problem.

import java.sql.*;
import java.util.*;

public class IscmJdbcCheck {
    static int checks = 0, problems = 0;

    static void check(boolean ok, String what) {
        checks++;
        if (!ok) {
            problems++;
            System.out.println("PROBLEM: " + what);
        }
    }

    public static void main(String[] args) throws Exception {
        try (Connection db = DriverManager.getConnection(args[0])) {
            typesRoundTrip(db);
            viewsRead(db);
            badCountry(db);
            stringParameters(db);
        }
        System.out.println("jdbc: " + checks + " checks, " + problems + " problems");
        System.exit(problems == 0 ? 0 : 1);
    }

    // Every column of userdata.every_type (one per iscm type, and an array of
    // each) read; the scalar ones written back with setString, as an
    // application copying rows would, into a table of the same shape.
    static void typesRoundTrip(Connection db) throws SQLException {
        List<String> cols = new ArrayList<>();
        Map<String, String> typeOf = new HashMap<>();
        try (ResultSet rs = db.getMetaData().getColumns(null, "userdata", "every_type", "%")) {
            while (rs.next()) {
                cols.add(rs.getString("COLUMN_NAME"));
                typeOf.put(rs.getString("COLUMN_NAME"), rs.getString("TYPE_NAME"));
            }
        }
        check(cols.size() > 5, "userdata.every_type has its columns: " + cols);
        List<String> scalars = new ArrayList<>();
        for (String c : cols)
            if (!c.equals("id") && !c.endsWith("_arr"))
                scalars.add(c);
        try (Statement st = db.createStatement()) {
            st.execute("CREATE TABLE userdata.jdbc_copy (LIKE userdata.every_type)");
        }
        StringBuilder ins = new StringBuilder("INSERT INTO userdata.jdbc_copy (id");
        for (String c : scalars) ins.append(", ").append(c);
        ins.append(") VALUES (?").append(", ?".repeat(scalars.size())).append(")");
        int rows = 0;
        try (Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT * FROM userdata.every_type ORDER BY id");
             PreparedStatement ps = db.prepareStatement(ins.toString())) {
            while (rs.next()) {
                rows++;
                ps.setInt(1, rs.getInt("id"));
                int i = 2;
                for (String c : scalars) {
                    String v = rs.getString(c);
                    Object o = rs.getObject(c);
                    check((v == null) == (o == null), c + ": getString and getObject agree on NULL");
                    ps.setString(i++, v);
                }
                for (String c : cols)
                    if (c.endsWith("_arr")) {
                        Array a = rs.getArray(c);
                        if (a != null)
                            check(((Object[]) a.getArray()).length > 0, c + ": getArray reads the elements");
                    }
                ps.executeUpdate();
            }
        }
        check(rows > 1, "every_type has rows");
        String same = "SELECT count(*) FROM userdata.every_type e JOIN userdata.jdbc_copy c USING (id) WHERE ROW(e.id";
        String copied = same;
        for (String c : scalars) copied += ", e." + c;
        copied += ")::text = ROW(c.id";
        for (String c : scalars) copied += ", c." + c;
        copied += ")::text";
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(copied)) {
            rs.next();
            check(rs.getInt(1) == rows, "every value written with setString reads back the same ("
                  + rs.getInt(1) + " of " + rows + " rows; types " + typeOf.values() + ")");
        }
    }

    static final Set<Integer> PLAIN = Set.of(Types.VARCHAR, Types.CHAR, Types.SMALLINT, Types.INTEGER,
            Types.BIGINT, Types.NUMERIC, Types.REAL, Types.DOUBLE, Types.BIT, Types.BOOLEAN, Types.DATE,
            Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE);

    // Every view of the iscm schema as a BI tool finds and reads it.
    static void viewsRead(Connection db) throws SQLException {
        DatabaseMetaData md = db.getMetaData();
        List<String> views = new ArrayList<>();
        try (ResultSet rs = md.getTables(null, "iscm", "%", new String[] {"VIEW"})) {
            while (rs.next()) {
                views.add(rs.getString("TABLE_NAME"));
                String remarks = rs.getString("REMARKS");
                check(remarks != null && !remarks.isBlank(), "view " + rs.getString("TABLE_NAME") + " has REMARKS");
            }
        }
        check(String.valueOf(views.size()).equals(one(db, "SELECT count(*) FROM pg_catalog.pg_class"
              + " WHERE relnamespace = 'iscm'::regnamespace AND relkind = 'v'")), "getTables finds every iscm view: " + views);
        for (String v : views) {
            try (ResultSet rs = md.getColumns(null, "iscm", v, "%")) {
                while (rs.next()) {
                    String col = v + "." + rs.getString("COLUMN_NAME");
                    check(PLAIN.contains(rs.getInt("DATA_TYPE")),
                          "getColumns: " + col + " has a plain JDBC type, not " + rs.getString("TYPE_NAME"));
                    String remarks = rs.getString("REMARKS");
                    check(remarks != null && !remarks.isBlank(), "getColumns: " + col + " has REMARKS");
                }
            }
            try (Statement st = db.createStatement();
                 ResultSet rs = st.executeQuery("SELECT * FROM iscm." + v)) {
                ResultSetMetaData rm = rs.getMetaData();
                int n = 0;
                while (rs.next()) {
                    n++;
                    for (int i = 1; i <= rm.getColumnCount(); i++) {
                        Object o = rs.getObject(i);
                        check(o == null || !o.getClass().getName().startsWith("org.postgresql"),
                              v + "." + rm.getColumnName(i) + " reads as a Java value, not " + (o == null ? "" : o.getClass()));
                    }
                }
                check(n > 0, "view " + v + " has rows");
            }
        }
    }

    // A bad country: the server's message, detail and hint reach the client.
    static void badCountry(Connection db) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO userdata.jdbc_copy (id, c_country) VALUES (-1, ?)")) {
            ps.setString(1, "Korea");
            ps.executeUpdate();
            check(false, "'Korea' is refused");
        } catch (SQLException e) {
            org.postgresql.util.ServerErrorMessage m = ((org.postgresql.util.PSQLException) e).getServerErrorMessage();
            check("22P02".equals(e.getSQLState()), "'Korea' gives SQLSTATE 22P02, not " + e.getSQLState());
            check("\"Korea\" is a name of more than one country.".equals(m.getDetail()), "detail: " + m.getDetail());
            check(m.getHint() != null && m.getHint().contains("KOR (Korea, Republic of)")
                  && m.getHint().contains("PRK"), "hint: " + m.getHint());
        }
    }

    static String one(Connection db, String sql, String... params) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setString(i + 1, params[i]);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    // Accessors and comparisons with setString parameters, the type named in
    // the SQL (no implicit conversion from varchar: see doc/reporting.md).
    static void stringParameters(Connection db) throws SQLException {
        check("Côte d'Ivoire".equals(one(db, "SELECT iscm.country_name(CAST(? AS iscm.country))", "Ivory Coast")),
              "country_name of a string parameter");
        check("Alemania".equals(one(db, "SELECT iscm.country_name(CAST(? AS iscm.country), ?)", "DEU", "es")),
              "country_name with a language parameter");
        check("0.75".equals(one(db, "SELECT iscm.share(CAST(? AS iscm.answer_summary), ?)",
                "{\"format\": 1, \"kind\": \"single\", \"weighted\": false, \"respondents\": 4, \"missing\": 0, \"counts\": {\"no\": 1, \"yes\": 3}}",
                "yes")), "share of a summary parameter");
        check("1".equals(one(db, "SELECT count(*) FROM iscm.countries WHERE code::iscm.country = CAST(? AS iscm.country)",
                "Germany")), "country comparison with a string parameter");
        check("t".equals(one(db, "SELECT CAST(? AS iscm.country_set) @> CAST(? AS iscm.country)", "{DEU,FRA}", "France")),
              "country_set containment with string parameters");
    }
}
