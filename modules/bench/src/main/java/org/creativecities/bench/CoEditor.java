package org.creativecities.bench;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One editor of the co-editing benchmark, a client in the manner of {@code @codemirror/collab}: it keeps its
 * confirmed version and its unconfirmed changes, pushes them (one push in flight at a time) based on its latest
 * version, confirms its own updates when they come back in {@code doc.updates}, maps its unconfirmed changes over
 * the others' updates, and on {@code doc.rejected} (stale) takes the missing updates and pushes again.
 *
 * <p>Its changes are inserts only ({@code [pos, [0, "text"], rest]} in {@code ChangeSet.toJSON()} form, zero
 * lengths left out). Each inserted text carries the time it was typed ({@code ~<nanoTime in base 36>.}), so that
 * every other editor can tell how long the update took to reach it.
 */
final class CoEditor {

    /** Counters shared by the editors of one run. */
    static final class Tally {
        final AtomicLong accepted = new AtomicLong();
        final AtomicLong rejected = new AtomicLong();
        final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    }

    /** An update of another editor reached this one. */
    interface Arrival {
        /** {@code typedNanos} and {@code receivedNanos} are {@link System#nanoTime()} values of this JVM. */
        void arrived(long typedNanos, long receivedNanos);
    }

    private static final class Pending {
        int pos;
        final String text;

        Pending(int pos, String text) {
            this.pos = pos;
            this.text = text;
        }
    }

    private final long work;
    private final String clientId;
    private final Tally tally;
    /** Told of every other editor's update as it arrives. */
    private final Arrival othersUpdate;
    private final CountDownLatch joined = new CountDownLatch(1);
    private final CollabSocket socket;
    private final List<Pending> pending = new ArrayList<>();
    private long version;
    private int confirmedLength;
    private boolean inFlight;
    private volatile boolean counting;

    CoEditor(URI ws, String token, long work, String clientId, Tally tally, Arrival othersUpdate)
            throws Exception {
        this.work = work;
        this.clientId = clientId;
        this.tally = tally;
        this.othersUpdate = othersUpdate;
        this.socket = new CollabSocket(ws, token, this::onMessage);
        socket.send("{\"type\":\"doc.join\",\"work\":" + work + ",\"id\":\"j\"}");
        if (!joined.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException(clientId + " got no doc.joined");
        }
    }

    /** Whether acknowledged updates count (the measured window). */
    void counting(boolean on) {
        counting = on;
    }

    /** Types one small insert at a random place, stamped with {@code typedNanos}. */
    synchronized void type(long typedNanos) {
        int length = confirmedLength;
        for (Pending p : pending) {
            length += p.text.length();
        }
        pending.add(new Pending(ThreadLocalRandom.current().nextInt(length + 1),
                "~" + Long.toString(typedNanos, 36) + "."));
        if (!inFlight) {
            push();
        }
    }

    private void push() {
        StringBuilder f = new StringBuilder(128).append("{\"type\":\"doc.push\",\"work\":").append(work)
                .append(",\"version\":").append(version).append(",\"updates\":[");
        int base = confirmedLength;
        for (int i = 0; i < pending.size() && i < 100; i++) {
            Pending p = pending.get(i);
            f.append(i == 0 ? "" : ",").append("{\"clientID\":\"").append(clientId).append("\",\"changes\":[");
            if (p.pos > 0) {
                f.append(p.pos).append(',');
            }
            f.append("[0,\"").append(p.text).append("\"]");
            if (base - p.pos > 0) {
                f.append(',').append(base - p.pos);
            }
            f.append("]}");
            base += p.text.length();
        }
        socket.send(f.append("],\"id\":\"p\"}").toString());
        inFlight = true;
    }

    private synchronized void onMessage(String text) {
        JsonObject f = BenchApi.parse(text).asJsonObject();
        switch (f.getString("type", "")) {
            case "doc.joined" -> {
                version = f.getJsonNumber("version").longValue();
                confirmedLength = f.getString("text").length();
                joined.countDown();
            }
            case "doc.updates" -> receive(f.getJsonNumber("from").longValue(), f.getJsonArray("updates"));
            case "doc.ack" -> {
                if (counting) {
                    tally.accepted.addAndGet(f.getInt("count"));
                }
                inFlight = false;
                if (!pending.isEmpty()) {
                    push();
                }
            }
            case "doc.rejected" -> {
                tally.rejected.incrementAndGet();
                receive(f.getJsonNumber("from").longValue(), f.getJsonArray("updates"));
                inFlight = false;
                if (!pending.isEmpty()) {
                    push();
                }
            }
            case "error" -> {
                tally.errors.computeIfAbsent(f.getString("code", "?"), k -> new AtomicLong()).incrementAndGet();
                inFlight = false;
            }
            default -> {
                // hello, presence, cursors: nothing to do
            }
        }
    }

    /** {@code receiveUpdates}: the updates from+1, from+2, …, skipping those already seen. */
    private void receive(long from, JsonArray updates) {
        long now = System.nanoTime();
        for (int i = 0; i < updates.size(); i++) {
            if (from + i + 1 <= version) {
                continue;
            }
            version = from + i + 1;
            JsonObject u = updates.getJsonObject(i);
            if (clientId.equals(u.getString("clientID", "")) && !pending.isEmpty()) {
                confirmedLength += pending.remove(0).text.length();
                continue;
            }
            int at = 0;
            for (JsonValue c : u.getJsonArray("changes")) {
                if (c.getValueType() == JsonValue.ValueType.NUMBER) {
                    at += ((jakarta.json.JsonNumber) c).intValue();
                    continue;
                }
                JsonArray replace = c.asJsonArray();
                StringBuilder inserted = new StringBuilder();
                for (int l = 1; l < replace.size(); l++) {
                    inserted.append(l == 1 ? "" : "\n").append(replace.getString(l));
                }
                insertedByOther(at, replace.getInt(0), inserted.toString(), now);
                at += inserted.length();
            }
        }
    }

    /** Rebases the unconfirmed changes over another's change at {@code pos} (the other goes first on a tie). */
    private void insertedByOther(int pos, int deleted, String text, long now) {
        confirmedLength += text.length() - deleted;
        int q = pos;
        for (Pending p : pending) {
            if (q <= p.pos) {
                p.pos += text.length() - deleted;
            } else {
                q += p.text.length();
            }
        }
        if (text.startsWith("~") && text.endsWith(".")) {
            othersUpdate.arrived(Long.parseLong(text.substring(1, text.length() - 1), 36), now);
        }
    }

    void close() {
        socket.close();
    }
}
