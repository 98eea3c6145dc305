package org.creativecities.app.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.RepeatedTest;

/**
 * The raw client reads an answer that a server sent before it took the whole request, and then closed: what a
 * server does with a body it refuses from the head. Closing over unread bytes resets the connection, so the client's
 * write fails halfway; the answer is still to be read.
 */
class WebRawHttpTest {

    private static final String ANSWER = "HTTP/1.1 404 Not Found\r\nContent-Type: application/problem+json\r\n"
            + "Connection: close\r\nContent-Length: 2\r\n\r\n{}";

    @RepeatedTest(5)
    void anAnswerSentBeforeTheBodyWasTakenIsRead() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> answerFromTheHead(listener));
            server.start();
            byte[] body = new byte[16 * 1024 * 1024];
            Arrays.fill(body, (byte) '[');
            byte[] head = ("PATCH /api/cities/1 HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + body.length
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] request = new byte[head.length + body.length];
            System.arraycopy(head, 0, request, 0, head.length);
            System.arraycopy(body, 0, request, head.length, body.length);
            WebRawHttp.Exchange e = WebRawHttp.send(listener.getLocalPort(), request, Duration.ofSeconds(10));
            server.join();
            assertEquals(404, e.statuses().isEmpty() ? 0 : e.statuses().get(0), e.text());
            assertTrue(e.closedByServer());
        }
    }

    /** Reads the head only, answers, and closes with the body unread (the kernel resets the connection). */
    private static void answerFromTheHead(ServerSocket listener) {
        try (Socket s = listener.accept()) {
            InputStream in = s.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                head.write(in.read());
            }
            s.getOutputStream().write(ANSWER.getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            Thread.sleep(50);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
