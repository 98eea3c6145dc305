package org.creativecities.app.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP/1.1 over a plain socket, for what a well-behaved client library refuses to send: bodies on TRACE, conflicting
 * framing headers, non-ASCII header bytes, and headers that promise a body which never comes.
 */
final class WebRawHttp {

    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[01] (\\d{3}) ");

    private WebRawHttp() {
    }

    /**
     * What came back on one connection.
     *
     * @param text           everything the server sent, as ISO-8859-1 text
     * @param closedByServer whether the server closed the connection (rather than the wait running out)
     */
    record Exchange(String text, boolean closedByServer) {

        /** The status codes of every response on the connection, in order. */
        List<Integer> statuses() {
            List<Integer> out = new ArrayList<>();
            Matcher m = STATUS_LINE.matcher(text);
            while (m.find()) {
                out.add(Integer.parseInt(m.group(1)));
            }
            return out;
        }

        /** The value of a header of the first response, or {@code null}. */
        String header(String name) {
            Matcher m = Pattern.compile("(?im)^" + Pattern.quote(name) + ":\\s*(.*?)\\r?$").matcher(headPart());
            return m.find() ? m.group(1) : null;
        }

        /** The first response's body (whatever follows its blank line). */
        String body() {
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? "" : text.substring(end + 4);
        }

        private String headPart() {
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? text : text.substring(0, end);
        }
    }

    /**
     * Sends the bytes and reads until the server closes the connection or stays silent for {@code quiet}.
     * Requests may be written with {@code \n} line ends; they are sent with CRLF.
     */
    static Exchange send(int port, String request, Duration quiet) {
        return send(port, request.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8), quiet);
    }

    /**
     * Sends the bytes and reads what comes back, like {@link #send(int, String, Duration)}. A server may answer and
     * close before it has taken the whole request (a refusal from the head): the write then fails, and the answer
     * already sent is read all the same, as browsers and curl do.
     */
    static Exchange send(int port, byte[] request, Duration quiet) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) quiet.toMillis());
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException answeredEarly) {
                // Read below: what the server sent before it closed is still in the socket.
            }
            return readAll(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Exchange readAll(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        boolean closed = false;
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                received.write(buffer, 0, n);
            }
            closed = true;
        } catch (SocketTimeoutException e) {
            closed = false;
        } catch (IOException e) {
            // A reset after the server closed its side while the client still had unsent bytes.
            closed = true;
        }
        return new Exchange(received.toString(StandardCharsets.ISO_8859_1), closed);
    }
}
