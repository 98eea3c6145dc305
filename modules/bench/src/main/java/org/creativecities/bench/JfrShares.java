package org.creativecities.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the server's CPU went under load, from a JFR recording of the benchmark ({@code -Dbench.jfr=true} writes
 * {@code report/ccc.jfr}): the execution samples of the last {@code seconds} in which the room writers ran (the
 * measured part of the load, not the boot or the idle end), shared out by thread, and the writers' samples by what
 * they were doing (the first category whose marker a sample's stack holds). Figures in docs/benchmarks.md come from
 * it:
 *
 * <pre>java -cp modules/bench/target/classes org.creativecities.bench.JfrShares report/ccc.jfr 60</pre>
 */
public final class JfrShares {

    private static final String WRITER = "ccc-live-writer";

    /** Categories of a writer's sample, in the order they are tried: the first marker found in the stack wins. */
    private static final Map<String, String> WRITER_CATEGORIES = categories(
            "H2 writing the commit (MVStore.storeNow)", "MVStore.storeNow",
            "H2's commit, other", "JdbcConnection.commit",
            "sending frames", "TyrusFrameSender",
            "Tyrus, other", "org.glassfish.tyrus",
            "Grizzly, other", "org.glassfish.grizzly",
            "after completion (events)", "afterCompletion",
            "the room's row lock (first statement)", "lockSequence",
            "the room's sequence update", "advanceSequence",
            "the inserts (JDBC batch)", "executeBatch",
            "EclipseLink's commit, other", "UnitOfWorkImpl.commit",
            "the transaction manager, other", "com.sun.enterprise.transaction",
            "rendering Markdown", "MessageRenderer",
            "the append, other", "RoomAppends",
            "fan-out, other", "RoomHub",
            "the writer, other", "RoomWriter");

    private JfrShares() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: JfrShares <recording.jfr> [seconds, default 60]");
            System.exit(2);
        }
        Duration window = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 60);
        List<Sample> samples = new ArrayList<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            String type = e.getEventType().getName();
            boolean inJava = type.equals("jdk.ExecutionSample");
            if ((inJava || type.equals("jdk.NativeMethodSample")) && e.getStackTrace() != null) {
                RecordedThread sampled = e.getThread("sampledThread");
                String thread = sampled == null || sampled.getJavaName() == null ? "?" : sampled.getJavaName();
                samples.add(new Sample(e.getStartTime(), thread, stack(e), inJava));
            }
        }
        Instant end = samples.stream().filter(s -> s.thread.startsWith(WRITER)).map(s -> s.time)
                .max(Instant::compareTo).orElseThrow(() -> new IllegalArgumentException("no writer samples"));
        Instant start = end.minus(window);
        List<Sample> in = samples.stream().filter(s -> !s.time.isBefore(start) && !s.time.isAfter(end)).toList();
        List<Sample> java = in.stream().filter(Sample::inJava).toList();
        System.out.printf("%d execution samples (in Java) in the %d s before the writers' last (%s)%n", java.size(),
                window.toSeconds(), end);
        print("by thread", java.stream().collect(Collectors.groupingBy(s -> s.thread.replaceAll("[-#(]?\\d+\\)?$",
                ""), TreeMap::new, Collectors.counting())), java.size());
        printWriters("the writers' execution samples (in Java)", java);
        printWriters("the writers' native-method samples (in a system call: the file, the sockets)",
                in.stream().filter(s -> !s.inJava).toList());
    }

    private static void printWriters(String title, List<Sample> samples) {
        List<Sample> writers = samples.stream().filter(s -> s.thread.startsWith(WRITER)).toList();
        Map<String, Long> byCategory = new TreeMap<>();
        for (Sample s : writers) {
            String category = WRITER_CATEGORIES.entrySet().stream().filter(c -> s.stack.contains(c.getValue()))
                    .map(Map.Entry::getKey).findFirst().orElse("other");
            byCategory.merge(category, 1L, Long::sum);
        }
        print(title, byCategory, writers.size());
    }

    private static String stack(RecordedEvent e) {
        StringBuilder b = new StringBuilder();
        for (RecordedFrame f : e.getStackTrace().getFrames()) {
            b.append(f.getMethod().getType().getName()).append('.').append(f.getMethod().getName()).append('\n');
        }
        return b.toString();
    }

    private static void print(String title, Map<String, Long> counts, int total) {
        System.out.printf("%n%s (%d):%n", title, total);
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(15)
                .forEach(c -> System.out.printf("  %5.1f %%  %5d  %s%n", 100.0 * c.getValue() / total, c.getValue(),
                        c.getKey()));
    }

    private static Map<String, String> categories(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private record Sample(Instant time, String thread, String stack, boolean inJava) {
    }
}
