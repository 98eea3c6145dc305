package org.creativecities.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What a room writer's transaction costs H2 alone, without the server: on a copy of a database file the benchmark's
 * realistic mix left (its schema, its rooms and its 12,000 messages), the statements of a post, as the writer runs
 * them (lock the room's row, advance its sequence, insert the message, commit), for batches of 1, 2, 4 and 8 posts
 * per commit, rooms taken in turn as in the mix. It prints the calling thread's CPU and the wall time per post, and
 * the CPU per commit: a commit's price is what group commit saves per extra post it gathers. Extra H2 settings
 * (for example {@code ;RETENTION_TIME=0}) go in the second argument. Figures in docs/benchmarks.md come from it:
 *
 * <pre>java -cp 'modules/bench/target/classes:modules/bench/target/lib/*' org.creativecities.bench.H2CommitCost \
 *     modules/bench/target/bench-full/ccc-NNN/data/ccc.mv.db [";SETTING=value"]</pre>
 */
public final class H2CommitCost {

    /** The server's options for its H2 file (config/application.properties, {@code ccc.db.url}). */
    private static final String SERVER_OPTIONS = ";WRITE_DELAY=0;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE";
    private static final int POSTS = 6_000;
    private static final int ROOMS = 50;
    private static final String TEXT = "x".repeat(100);

    private H2CommitCost() {
    }

    public static void main(String[] args) throws IOException, SQLException {
        if (args.length < 1) {
            System.err.println("usage: H2CommitCost <ccc.mv.db of a benchmark's server> [extra H2 settings]");
            System.exit(2);
        }
        Path source = Path.of(args[0]);
        String extra = args.length > 1 ? args[1] : "";
        System.out.printf(Locale.ROOT, "%s, %d posts in %d rooms per run, H2 options%s%s%n", source, POSTS, ROOMS,
                SERVER_OPTIONS, extra);
        // The first run warms the JIT up (H2's code is compiled while it runs): its line says so, and is not a figure.
        System.out.print("warm-up, ");
        run(source, extra, 1);
        for (int batch : new int[] {1, 2, 4, 8}) {
            run(source, extra, batch);
        }
    }

    private static void run(Path source, String extra, int batch) throws IOException, SQLException {
        Path dir = Files.createTempDirectory("h2-commit-cost");
        try {
            Files.copy(source, dir.resolve("ccc.mv.db"));
            String url = "jdbc:h2:async:" + dir.resolve("ccc") + SERVER_OPTIONS + extra;
            try (Connection c = AnnounceSeed.open(url)) {
                c.setAutoCommit(false);
                measure(c, batch);
                try (Statement s = c.createStatement()) {
                    s.execute("SHUTDOWN");
                }
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void measure(Connection c, int batch) throws SQLException {
        List<Long> rooms = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT id FROM room ORDER BY id FETCH FIRST " + ROOMS + " ROWS ONLY")) {
            while (r.next()) {
                rooms.add(r.getLong(1));
            }
        }
        long id;
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COALESCE(MAX(id), 0) FROM room_event")) {
            r.next();
            id = r.getLong(1);
        }
        c.commit();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (PreparedStatement lock = c.prepareStatement(
                     "SELECT last_seq, slow_mode_seconds FROM room WHERE id = ? FOR UPDATE");
             PreparedStatement advance = c.prepareStatement("UPDATE room SET last_seq = ? WHERE id = ?");
             PreparedStatement insert = c.prepareStatement("INSERT INTO room_event (id, room_id, seq, event_type, "
                     + "author_id, author_name, client_message_id, content, html, deleted, created_at) "
                     + "VALUES (?, ?, ?, 'message', 1, 'bench', ?, ?, ?, FALSE, CURRENT_TIMESTAMP)")) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            int commits = 0;
            for (int post = 0; post < POSTS; post += batch) {
                for (int i = post; i < post + batch; i++) {
                    long room = rooms.get(i % rooms.size());
                    lock.setLong(1, room);
                    long seq;
                    try (ResultSet r = lock.executeQuery()) {
                        r.next();
                        seq = r.getLong(1) + 1;
                    }
                    advance.setLong(1, seq);
                    advance.setLong(2, room);
                    advance.executeUpdate();
                    insert.setLong(1, ++id);
                    insert.setLong(2, room);
                    insert.setLong(3, seq);
                    insert.setString(4, "cost-" + id);
                    insert.setString(5, TEXT);
                    insert.setString(6, "<p>" + TEXT + "</p>");
                    insert.executeUpdate();
                }
                c.commit();
                commits++;
            }
            double cpuMicros = (threads.getCurrentThreadCpuTime() - cpu0) / 1e3;
            double wallMicros = (System.nanoTime() - wall0) / 1e3;
            System.out.printf(Locale.ROOT,
                    "batch %d: %.0f µs CPU per post (%.0f per commit), %.0f µs wall per post%n", batch,
                    cpuMicros / POSTS, cpuMicros / commits, wallMicros / POSTS);
        }
    }
}
