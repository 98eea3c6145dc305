package org.creativecities.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A minimal HTTP/1.1 client on a plain socket, for what the JDK client cannot do: choose the source address (the
 * server limits sign-ins and registrations per client address), and send hostile bodies — tens of MiB streamed from
 * one small buffer, chunked bodies of any size, bytes that are not JSON. One request per connection
 * ({@code Connection: close}).
 *
 * <p>Every request ends: connect, each read and the whole exchange have time limits; a watchdog closes the socket at
 * the deadline, so a write that the server stopped reading cannot hang. What comes back is read up to 64 KiB.
 */
final class RawHttp {

    /** An answer: the status (or -1), a short outcome for tallies ("413", "reset", "timeout") and the body. */
    record Response(int status, String outcome, Map<String, String> headers, String body) {
    }

    /** A body to send: {@code length} bytes, repeating {@code head} once then {@code fill}; chunked or not. */
    record Body(String contentType, byte[] head, byte fill, long length, boolean chunked) {

        static Body json(String json) {
            byte[] b = json.getBytes(StandardCharsets.UTF_8);
            return new Body("application/json", b, (byte) ' ', b.length, false);
        }

        static Body bytes(String contentType, byte[] b) {
            return new Body(contentType, b, (byte) 0, b.length, false);
        }
    }

    private static final int MAX_READ = 64 * 1024;
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "raw-http-watchdog");
        t.setDaemon(true);
        return t;
    });

    private RawHttp() {
    }

    /**
     * Sends one request from {@code local} (null: any address) and reads the answer; never throws for what the
     * server does (a reset or a time-out is an outcome), and takes at most {@code timeoutMs}.
     */
    static Response send(InetAddress local, String host, int port, String method, String path,
                         Map<String, String> headers, Body body, int timeoutMs) {
        Socket s = new Socket();
        ScheduledFuture<?> kill = closeAfter(s, timeoutMs);
        long t0 = System.nanoTime();
        try {
            if (local != null) {
                s.bind(new InetSocketAddress(local, 0));
            }
            s.connect(new InetSocketAddress(host, port), Math.min(timeoutMs, 5_000));
            s.setSoTimeout(timeoutMs);
            OutputStream out = s.getOutputStream();
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                    + "\r\nConnection: close\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            if (body != null) {
                head.append("Content-Type: ").append(body.contentType()).append("\r\n");
                head.append(body.chunked() ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length() + "\r\n");
            } else if (!method.equals("GET") && !method.equals("HEAD")) {
                head.append("Content-Length: 0\r\n");
            }
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            IOException writeFailure = null;
            try {
                if (body != null) {
                    writeBody(out, body);
                }
                out.flush();
            } catch (IOException e) {
                writeFailure = e; // the server may have answered and closed early: read what it said
            }
            Response r = read(s.getInputStream());
            if (r == null) {
                return failure(writeFailure != null ? writeFailure : new IOException("no answer"), t0, timeoutMs);
            }
            return r;
        } catch (IOException e) {
            return failure(e, t0, timeoutMs);
        } finally {
            kill.cancel(false);
            closeQuietly(s);
        }
    }

    private static void writeBody(OutputStream out, Body body) throws IOException {
        byte[] buf = new byte[64 * 1024];
        Arrays.fill(buf, body.fill());
        long left = body.length();
        byte[] first = body.head();
        boolean headSent = false;
        while (left > 0) {
            byte[] src = headSent ? buf : first;
            int n = (int) Math.min(left, src.length);
            headSent = true;
            if (body.chunked()) {
                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(src, 0, n);
                out.write(CRLF);
            } else {
                out.write(src, 0, n);
            }
            left -= n;
        }
        if (body.chunked()) {
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static final byte[] CRLF = {'\r', '\n'};

    /** The status line, the headers and up to 64 KiB of the body; null if nothing came back. */
    private static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int headEnd = -1;
        Map<String, String> h = Map.of();
        int n;
        while (all.size() < MAX_READ && (n = in.read(buf)) > 0) {
            all.write(buf, 0, n);
            byte[] sofar = all.toByteArray();
            if (headEnd < 0) {
                headEnd = indexOf(sofar, HEAD_END, 0);
                if (headEnd >= 0) {
                    h = headers(new String(sofar, 0, headEnd, StandardCharsets.ISO_8859_1));
                }
            }
            if (headEnd >= 0 && complete(h, sofar, headEnd + 4)) {
                break;
            }
        }
        byte[] bytes = all.toByteArray();
        if (bytes.length == 0) {
            return null;
        }
        String headText = new String(bytes, 0, headEnd < 0 ? bytes.length : headEnd, StandardCharsets.ISO_8859_1);
        String[] statusLine = headText.split("\r\n", 2)[0].split(" ");
        int status;
        try {
            status = Integer.parseInt(statusLine[1]);
        } catch (RuntimeException e) {
            return new Response(-1, "garbled", Map.of(), headText);
        }
        byte[] body = headEnd < 0 ? new byte[0] : Arrays.copyOfRange(bytes, headEnd + 4, bytes.length);
        if ("chunked".equalsIgnoreCase(h.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Response(status, Integer.toString(status), h, new String(body, StandardCharsets.UTF_8));
    }

    private static final byte[] HEAD_END = {'\r', '\n', '\r', '\n'};
    private static final byte[] LAST_CHUNK = {'0', '\r', '\n', '\r', '\n'};

    /** Whether the whole body (by Content-Length, or the last chunk) is in {@code sofar}. */
    private static boolean complete(Map<String, String> h, byte[] sofar, int bodyStart) {
        String cl = h.get("content-length");
        if (cl != null) {
            return sofar.length - bodyStart >= Long.parseLong(cl.trim());
        }
        return "chunked".equalsIgnoreCase(h.get("transfer-encoding"))
                && indexOf(sofar, LAST_CHUNK, Math.max(bodyStart, sofar.length - LAST_CHUNK.length)) >= 0;
    }

    /** The data of a chunked body (as far as it was read). */
    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int i = 0;
        while (i < body.length) {
            int eol = indexOf(body, CRLF, i);
            if (eol < 0) {
                break;
            }
            int size;
            try {
                size = Integer.parseInt(new String(body, i, eol - i, StandardCharsets.ISO_8859_1).split(";")[0].trim(),
                        16);
            } catch (NumberFormatException e) {
                break;
            }
            if (size == 0) {
                break;
            }
            int from = eol + 2;
            b.write(body, from, Math.min(body.length - from, size));
            i = from + size + 2;
        }
        return b.toByteArray();
    }

    private static int indexOf(byte[] a, byte[] what, int from) {
        outer:
        for (int i = from; i <= a.length - what.length; i++) {
            for (int k = 0; k < what.length; k++) {
                if (a[i + k] != what[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static Map<String, String> headers(String head) {
        Map<String, String> h = new LinkedHashMap<>();
        String[] lines = head.split("\r\n");
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                h.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        return h;
    }

    private static Response failure(IOException e, long t0, int timeoutMs) {
        boolean late = e instanceof SocketTimeoutException || (System.nanoTime() - t0) / 1_000_000 >= timeoutMs - 50;
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        String outcome = late ? "timeout" : m.contains("refused") ? "refused"
                : m.contains("reset") || m.contains("broken pipe") || m.contains("closed") ? "reset" : "io-error";
        return new Response(-1, outcome, Map.of(), e.toString());
    }

    /** The loopback address 127.0.{@code third}.{@code fourth} (Linux routes all of 127/8 to the loopback device). */
    static InetAddress loopback(int third, int fourth) {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, (byte) third, (byte) fourth});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Closes {@code s} after {@code ms} unless the returned future is cancelled first. */
    static ScheduledFuture<?> closeAfter(Socket s, long ms) {
        return WATCHDOG.schedule(() -> closeQuietly(s), ms, TimeUnit.MILLISECONDS);
    }

    static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
