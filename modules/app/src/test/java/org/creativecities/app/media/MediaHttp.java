package org.creativecities.app.media;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.creativecities.app.testkit.TestUser;

/** Binary uploads and downloads against {@code /api/media}, with the bytes kept as bytes. */
final class MediaHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** An answer: status, headers, bytes; and the bytes as JSON when they are. */
    record Answer(int status, HttpResponse<byte[]> response) {
        byte[] bytes() {
            return response.body();
        }

        String text() {
            return new String(bytes(), java.nio.charset.StandardCharsets.UTF_8);
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        JsonObject json() {
            return Json.createReader(new ByteArrayInputStream(bytes())).readObject();
        }

        Answer expect(int expected) {
            if (status != expected) {
                throw new AssertionError("expected " + expected + " but got " + status + ": " + text());
            }
            return this;
        }
    }

    private final URI base;

    MediaHttp(URI base) {
        this.base = base;
    }

    /** Uploads {@code bytes} as {@code user} (or a visitor, for {@code null}) with a Content-Length. */
    Answer upload(TestUser user, byte[] bytes, String contentType, String name) {
        HttpRequest.Builder b = request(user, "/api/media" + (name == null ? ""
                : "?name=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20")))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b.build());
    }

    /** POSTs {@code bytes} to any path (a plugin's route) as {@code user}, with a Content-Length. */
    Answer post(TestUser user, String path, byte[] bytes, String contentType) {
        return send(request(user, path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
    }

    /** Uploads {@code bytes} chunked: no Content-Length, so the server counts as it reads. */
    Answer uploadChunked(TestUser user, byte[] bytes, String contentType) {
        return send(request(user, "/api/media").header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build());
    }

    /**
     * Sends only the head of an upload that promises {@code length} bytes, and reads the answer, which can only come
     * from the head: a refusal (the server answers without reading the body). The answer's status and body.
     */
    RawAnswer headOnly(TestUser user, String contentType, long length) {
        return raw(user, contentType, "Content-Length: " + length, null);
    }

    /**
     * Sends an upload chunked, over a socket of its own, and reads the answer even when the server answers (and
     * closes) before the whole body was sent, which Java's HttpClient reports as a failure instead.
     */
    RawAnswer chunkedOverSocket(TestUser user, String contentType, byte[] body) {
        return raw(user, contentType, "Transfer-Encoding: chunked", body);
    }

    private RawAnswer raw(TestUser user, String contentType, String framing, byte[] chunked) {
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            java.io.OutputStream out = socket.getOutputStream();
            out.write(("POST /api/media HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType + "\r\n"
                    + (user == null ? "X-Forwarded-For: " + TestUser.freshIp() : "Authorization: Bearer "
                    + user.token() + "\r\nX-Forwarded-For: " + user.ip())
                    + "\r\n" + framing + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            if (chunked != null) {
                try {
                    for (int at = 0; at < chunked.length; at += 64 * 1024) {
                        int n = Math.min(64 * 1024, chunked.length - at);
                        out.write((Integer.toHexString(n) + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                        out.write(chunked, at, n);
                        out.write("\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    }
                    out.write("0\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                } catch (IOException answeredEarly) {
                    // The server answered and closed before the whole body was sent: its answer is what counts.
                }
            }
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            while (head.indexOf("\r\n\r\n") < 0) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.append((char) b);
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
            byte[] body = m.find() ? in.readNBytes(Integer.parseInt(m.group(1))) : new byte[0];
            return new RawAnswer(Integer.parseInt(head.substring(9, 12)), head.toString(),
                    new String(body, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An answer read off the socket. */
    record RawAnswer(int status, String head, String body) {
        JsonObject json() {
            return Json.createReader(new java.io.StringReader(body)).readObject();
        }
    }

    /** The uploaded media's id, after a 201. */
    String uploadId(TestUser user, byte[] bytes, String contentType) {
        return upload(user, bytes, contentType, null).expect(201).json().getString("id");
    }

    Answer get(String path, String... headers) {
        HttpRequest.Builder b = request(null, path).GET();
        Map<String, String> h = new LinkedHashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            h.put(headers[i], headers[i + 1]);
        }
        h.forEach(b::header);
        return send(b.build());
    }

    Answer delete(TestUser user, String id) {
        return deletePath(user, "/api/media/" + id);
    }

    /** DELETEs any path (a plugin's route) as {@code user}. */
    Answer deletePath(TestUser user, String path) {
        return send(request(user, path).DELETE().build());
    }

    private HttpRequest.Builder request(TestUser user, String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
        if (user != null) {
            b.header("Authorization", "Bearer " + user.token()).header("X-Forwarded-For", user.ip());
        }
        return b;
    }

    private static Answer send(HttpRequest request) {
        try {
            HttpResponse<byte[]> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(r.statusCode(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A committed sample file from src/test/resources/media. */
    static byte[] fixture(String name) {
        try (InputStream in = MediaHttp.class.getResourceAsStream("/media/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A tiny, valid PDF with a marker text, so that two calls with different markers differ. */
    static byte[] pdf(String marker) {
        String body = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% " + marker + "\n"
                + "trailer << /Root 1 0 R >>\n%%EOF\n";
        return body.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
