package org.endow.devstack;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SQL a measured window cost, from {@code pg_stat_statements}: per database, statements and transactions per
 * request, and the statements that ran most often. Unlike CPU time these are counts, so they do not move with the
 * machine's speed: a change that saves a round trip shows here exactly, in any run.
 *
 * <p>Needs the extension preloaded ({@link EmbeddedPostgresServer} does so); on a server without it, {@link #open}
 * says why and the bench goes on without the table.
 */
final class StatementMeter {

    private static final String OWN_DATABASE = "postgres";

    private final Postgres postgres;

    private StatementMeter(Postgres postgres) {
        this.postgres = postgres;
    }

    /** A meter on {@code postgres}, or why there is none. */
    static StatementMeter open(Postgres postgres) throws SQLException {
        try (Connection connection = connect(postgres);
                Statement statement = connection.createStatement()) {
            statement.execute("create extension if not exists pg_stat_statements");
            statement.executeQuery("select 1 from pg_stat_statements limit 1").close();
        }
        return new StatementMeter(postgres);
    }

    /** Calls so far of every statement the services ran (the meter's own database left out). */
    Map<Key, Counts> snapshot() throws SQLException {
        Map<Key, Counts> counts = new HashMap<>();
        try (Connection connection = connect(postgres);
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select d.datname, s.queryid, s.query, s.calls, s.rows,"
                        + " s.total_exec_time"
                        + " from pg_stat_statements s join pg_database d on d.oid = s.dbid"
                        + " where d.datname <> '" + OWN_DATABASE + "'")) {
            while (rs.next()) {
                counts.merge(
                        new Key(rs.getString(1), rs.getLong(2)),
                        new Counts(rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getDouble(6)),
                        Counts::plus);
            }
        }
        // pg_stat_statements leaves transaction control out; the database's own counters have it (each backend
        // reports them at least once a second while busy, which a 10 s window absorbs)
        try (Connection connection = connect(postgres);
                Statement statement = connection.createStatement();
                ResultSet rs =
                        statement.executeQuery("select datname, xact_commit + xact_rollback from pg_stat_database"
                                + " where datname is not null and datname not in ('" + OWN_DATABASE
                                + "', 'template0', 'template1')")) {
            while (rs.next()) {
                counts.put(new Key(rs.getString(1), TRANSACTIONS), new Counts("COMMIT", rs.getLong(2), 0));
            }
        }
        return counts;
    }

    /** The key under which a database's transactions are counted (no statement has it as its id). */
    static final long TRANSACTIONS = Long.MIN_VALUE;

    /**
     * Markdown: statements, transactions and the statements' execution time (the server's, per request) in each
     * database, then every statement that ran at least once per 20 requests or for 0.01 ms per request, most frequent
     * first.
     */
    static String perRequest(Map<Key, Counts> before, Map<Key, Counts> after, long requests, String what) {
        if (requests <= 0) {
            return "";
        }
        Map<String, double[]> perDatabase = new TreeMap<>();
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<Key, Counts> entry : after.entrySet()) {
            Counts start = before.getOrDefault(entry.getKey(), Counts.NONE);
            long calls = entry.getValue().calls() - start.calls();
            if (calls <= 0) {
                continue;
            }
            String database = entry.getKey().database();
            String sql = oneLine(entry.getValue().query());
            double[] sums = perDatabase.computeIfAbsent(database, d -> new double[3]);
            if (isCommit(sql)) {
                sums[1] += calls;
            } else if (!isTransactionControl(sql)) {
                sums[0] += calls;
                double execMillis = entry.getValue().execMillis() - start.execMillis();
                sums[2] += execMillis;
                rows.add(new Row(
                        database,
                        sql,
                        (double) calls / requests,
                        (double) (entry.getValue().rows() - start.rows()) / requests,
                        execMillis / requests));
            }
        }
        StringBuilder md = new StringBuilder("| database | statements per " + what + " | transactions per " + what
                + " | statements' execution, ms per " + what + " |\n|---|---:|---:|---:|\n");
        double statements = 0;
        double transactions = 0;
        double execution = 0;
        for (Map.Entry<String, double[]> entry : perDatabase.entrySet()) {
            double[] sums = entry.getValue();
            statements += sums[0];
            transactions += sums[1];
            execution += sums[2];
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %.2f | %.2f | %.3f |%n",
                    entry.getKey(),
                    sums[0] / requests,
                    sums[1] / requests,
                    sums[2] / requests));
        }
        md.append(String.format(
                Locale.ROOT,
                "| **all** | **%.2f** | **%.2f** | **%.3f** |%n%n",
                statements / requests,
                transactions / requests,
                execution / requests));
        md.append("| database | statement | calls per ")
                .append(what)
                .append(" | rows per ")
                .append(what)
                .append(" | execution, ms per ")
                .append(what)
                .append(" |\n|---|---|---:|---:|---:|\n");
        rows.stream()
                .filter(r -> r.callsPer() >= 0.05 || r.execMillisPer() >= 0.01)
                .sorted(Comparator.comparingDouble(Row::callsPer).reversed())
                .forEach(r -> md.append(String.format(
                        Locale.ROOT,
                        "| %s | `%s` | %.2f | %.2f | %.3f |%n",
                        r.database(),
                        shortened(r.sql()),
                        r.callsPer(),
                        r.rowsPer(),
                        r.execMillisPer())));
        return md.toString();
    }

    static boolean isCommit(String sql) {
        String s = sql.strip().toLowerCase(Locale.ROOT);
        return s.equals("commit") || s.startsWith("commit ");
    }

    static boolean isTransactionControl(String sql) {
        String s = sql.strip().toLowerCase(Locale.ROOT);
        return s.equals("begin")
                || s.startsWith("begin ")
                || s.startsWith("start transaction")
                || s.equals("rollback")
                || s.startsWith("rollback ")
                || s.startsWith("set ")
                || s.startsWith("show ")
                || s.startsWith("savepoint")
                || s.startsWith("release ");
    }

    private static String oneLine(String sql) {
        return sql == null ? "" : sql.replaceAll("\\s+", " ").strip();
    }

    private static String shortened(String sql) {
        String s = sql.replace("|", "\\|").replace("`", "'");
        return s.length() <= 110 ? s : s.substring(0, 107) + "...";
    }

    private static Connection connect(Postgres postgres) throws SQLException {
        String url = postgres.adminJdbcUrl();
        return java.sql.DriverManager.getConnection(url, postgres.adminUser(), postgres.adminPassword());
    }

    record Key(String database, long queryId) {}

    /** @param execMillis the server's execution time of all calls so far ({@code total_exec_time}) */
    record Counts(String query, long calls, long rows, double execMillis) {
        static final Counts NONE = new Counts("", 0, 0, 0);

        Counts(String query, long calls, long rows) {
            this(query, calls, rows, 0);
        }

        Counts plus(Counts other) {
            return new Counts(query, calls + other.calls, rows + other.rows, execMillis + other.execMillis);
        }
    }

    private record Row(String database, String sql, double callsPer, double rowsPer, double execMillisPer) {}
}
