package org.creativecities.app.works;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.creativecities.app.testkit.TestUser;
import org.creativecities.works.collab.ChangeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The convergence test: five clients that rebase like {@code @codemirror/collab} edit one document at random
 * for 30 s on the packaged server. All end with identical text, equal to the server's (what a new joiner receives),
 * with every acknowledged edit present.
 *
 * <p>Each edit inserts a token that names its client and number (some with a line break or a character outside the
 * BMP, two UTF-16 units), between two tokens, or deletes one filler dot, so an edit's presence can be read from the
 * text: deletions never touch a token, and concurrent deletions of the same dot delete it once.
 */
@ExtendWith(SharedServer.class)
class CoEditingConvergenceIT {

    static final Duration EDITING = Duration.ofSeconds(30);
    private static final Pattern TOKEN = Pattern.compile("<([a-e])(\\d+)>");

    /** One client's 30 s: random edits and pushes, paced, then it pushes what is left and reads till it is idle. */
    static List<String> edit(DocEditor e, long seed, long until) {
        Random r = new Random(seed);
        List<String> typed = new ArrayList<>();
        String me = e.state().clientId();
        while (System.nanoTime() < until) {
            e.drain();
            String text = e.state().text();
            if (r.nextInt(4) > 0 || text.indexOf('.') < 0) {
                int pos = between(text, r);
                String token = "<" + me + typed.size() + ">";
                typed.add(token);
                String insert = switch (r.nextInt(6)) {
                    case 0 -> token + "\n";
                    case 1 -> token + "😀";
                    default -> token + "..";
                };
                e.edit(ChangeSet.replace(text.length(), pos, pos, insert));
            } else {
                List<Integer> dots = new ArrayList<>();
                for (int i = text.indexOf('.'); i >= 0; i = text.indexOf('.', i + 1)) {
                    dots.add(i);
                }
                int at = dots.get(r.nextInt(dots.size()));
                e.edit(ChangeSet.replace(text.length(), at, at + 1, ""));
            }
            if (r.nextInt(3) > 0) {
                e.pushIfReady();
            }
            if (r.nextInt(8) == 0) {
                e.cursor(r.nextInt(e.state().text().length() + 1));
            }
            try {
                Thread.sleep(20 + r.nextInt(100));
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        }
        while (!e.idle()) {
            e.pushIfReady();
            e.next(f -> f.getString("type").equals("doc.ack") || f.getString("type").equals("doc.rejected"));
        }
        return typed;
    }

    /**
     * A random place between two tokens (never inside one, nor inside a surrogate pair): the start, or just after a
     * dot, a line break, a token's end or a character outside the BMP.
     */
    static int between(String text, Random r) {
        List<Integer> places = new ArrayList<>(List.of(0));
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.' || c == '\n' || c == '>' || Character.isLowSurrogate(c)) {
                places.add(i + 1);
            }
        }
        return places.get(r.nextInt(places.size()));
    }

    @Test
    void fiveClientsEditingAtRandomFor30sConverge(PackagedServer server, Api api) throws Exception {
        TestUser ana = WorksLifecycleIT.member(server, api, "Ana Converge", "lyon");
        List<TestUser> people = new ArrayList<>(List.of(ana));
        for (String name : List.of("Ben", "Chen", "Dara", "Eli")) {
            TestUser u = WorksLifecycleIT.member(server, api, name + " Converge", "bristol");
            people.add(u);
        }
        long work = WorksLifecycleIT.create(ana, "title", "Five hands", "content", "Start.\n");
        for (TestUser u : people.subList(1, people.size())) {
            ana.post("/api/works/" + work + "/authors", Api.json("accountId", u.id())).expect(200);
        }
        List<DocEditor> editors = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(5);
        try {
            for (int i = 0; i < 5; i++) {
                DocEditor e = DocEditor.open(people.get(i), String.valueOf((char) ('a' + i)));
                e.join(work);
                editors.add(e);
            }
            long until = System.nanoTime() + EDITING.toNanos();
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                DocEditor e = editors.get(i);
                long seed = 1000 + i;
                runs.add(threads.submit(() -> edit(e, seed, until)));
            }
            List<String> typed = new ArrayList<>();
            for (Future<List<String>> run : runs) {
                typed.addAll(run.get());
            }
            // Every push is acknowledged; the server's version is the highest ack. Each client reads till it has it.
            long version = editors.stream().flatMap(e -> e.read.stream())
                    .filter(f -> f.getString("type").equals("doc.ack"))
                    .mapToLong(f -> f.getJsonNumber("version").longValue()).max().orElseThrow();
            for (DocEditor e : editors) {
                while (e.state().version() < version) {
                    e.next(f -> f.getString("type").equals("doc.updates"));
                }
            }
            String serverText;
            try (DocEditor late = DocEditor.open(ana, "z")) {
                var joined = late.join(work);
                assertEquals(version, joined.getJsonNumber("version").longValue(), "no update after the last ack");
                serverText = joined.getString("text");
            }
            for (DocEditor e : editors) {
                assertEquals(version, e.state().version(), e.state().clientId());
                assertEquals(serverText, e.state().text(), "client " + e.state().clientId() + " differs");
            }
            List<String> present = new ArrayList<>();
            Matcher m = TOKEN.matcher(serverText);
            while (m.find()) {
                present.add(m.group());
            }
            assertEquals(typed.size(), present.size(), "each edit's token once");
            assertTrue(present.containsAll(typed), "every acknowledged edit is in the text");
            assertTrue(version > 200, "the clients made many edits: " + version);
        } finally {
            threads.shutdownNow();
            editors.forEach(DocEditor::close);
        }
    }
}
