package org.creativecities.app.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who is asking is checked first (issue 12, Medium 10): for every protected operation of
 * {@code security/web-protected-operations.txt}, a visitor gets 401 and a signed-in non-administrator gets 403 on
 * administrator operations, whatever the body (valid, empty, garbage, {@code null}) and whether or not the target
 * exists.
 */
@ExtendWith(SharedServer.class)
class WebAuthorizationOrderIT {

    /** Bodies sent to operations that take one; {@code null} means no body at all. */
    private static final List<String> BODIES = List.of("{}", "", "{{{ not json", "null", "[1,2,3]",
            "{\"name\":" + "[".repeat(2000) + "]".repeat(2000) + "}");

    record Operation(String method, String path, boolean adminOnly, String contentType) {
        boolean takesBody() {
            return !method.equals("GET") && !method.equals("DELETE");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static List<Operation> operations() {
        List<Operation> out = new ArrayList<>();
        for (String line : WebDesyncIT.resource("security/web-protected-operations.txt").split("\n")) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] parts = trimmed.split("\\s+");
            out.add(new Operation(parts[0], parts[1], parts[2].equals("admin"),
                    parts.length > 3 ? parts[3] : "application/json"));
        }
        return out;
    }

    static Stream<Arguments> requests() {
        List<Arguments> out = new ArrayList<>();
        for (Operation op : operations()) {
            if (op.takesBody()) {
                for (int i = 0; i < BODIES.size(); i++) {
                    out.add(Arguments.of(op, i));
                }
            } else {
                out.add(Arguments.of(op, -1));
            }
        }
        return out.stream();
    }

    private static Api.Response send(Api api, String ip, Operation op, int body) {
        Api.Request request = api.request(op.method(), op.path()).header("X-Forwarded-For", ip);
        if (body >= 0) {
            request.header("Content-Type", op.contentType()).body(BODIES.get(body));
        }
        return request.send();
    }

    static void assertProblem(Api.Response response, int status, String what) {
        assertEquals(status, response.status(), what + " -> " + response);
        assertEquals("application/problem+json", response.header("Content-Type").orElse(""), what + " -> " + response);
        assertTrue(response.object().getInt("status") == status, what + " -> " + response);
    }

    @ParameterizedTest(name = "visitor {0} body #{1}")
    @MethodSource("requests")
    void aVisitorGets401First(Operation op, int body, Api api) {
        assertProblem(send(api, TestUser.freshIp(), op, body), 401, "visitor " + op + " body #" + body);
    }

    @ParameterizedTest(name = "member {0} body #{1}")
    @MethodSource("requests")
    void aMemberGets403FromAdministratorOperationsFirst(Operation op, int body, PackagedServer server) {
        if (!op.adminOnly()) {
            return;
        }
        TestUser member = Members.of(server);
        assertProblem(send(member.api(), member.ip(), op, body), 403, "member " + op + " body #" + body);
    }

    /** One signed-in non-administrator per server. */
    static final class Members {
        private static final java.util.concurrent.ConcurrentMap<String, TestUser> BY_SERVER =
                new java.util.concurrent.ConcurrentHashMap<>();

        static TestUser of(PackagedServer server) {
            return BY_SERVER.computeIfAbsent(server.baseUri().toString(),
                    k -> TestUser.register(server.api(), "Web Order Member"));
        }
    }
}
