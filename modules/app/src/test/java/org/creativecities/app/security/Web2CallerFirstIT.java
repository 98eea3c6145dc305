package org.creativecities.app.security;

import static org.creativecities.app.security.WebAuthorizationOrderIT.assertProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.creativecities.app.security.WebAuthorizationOrderIT.Members;
import org.creativecities.app.security.WebAuthorizationOrderIT.Operation;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who is asking is checked before the media types too (issue 12, Medium 10): Jersey compares {@code Content-Type}
 * and {@code Accept} with the operations while it chooses one, before any name-bound filter runs, and answered a
 * visitor 415 or 406 where it owes a 401. For every protected operation of
 * {@code security/web-protected-operations.txt}, a {@code Content-Type} no operation consumes and an {@code Accept}
 * no operation produces still get 401 for a visitor, and 403 for a signed-in non-administrator on administrator
 * operations; a caller with the right still learns what is wrong with the media type.
 */
@ExtendWith(SharedServer.class)
class Web2CallerFirstIT {

    /** A header Jersey checks while matching, with a value no operation of the API accepts. */
    record Mismatch(String header, String value) {
        @Override
        public String toString() {
            return header + ": " + value;
        }
    }

    private static final Mismatch WRONG_TYPE = new Mismatch("Content-Type", "text/plain");
    private static final Mismatch WRONG_ACCEPT = new Mismatch("Accept", "image/png");

    static Stream<Arguments> mismatches() {
        List<Arguments> out = new ArrayList<>();
        for (Operation op : WebAuthorizationOrderIT.operations()) {
            if (op.takesBody()) {
                out.add(Arguments.of(op, WRONG_TYPE));
            }
            out.add(Arguments.of(op, WRONG_ACCEPT));
        }
        return out.stream();
    }

    private static Api.Response send(Api api, String ip, Operation op, Mismatch mismatch) {
        Api.Request request = api.request(op.method(), op.path()).header("X-Forwarded-For", ip);
        if (op.takesBody()) {
            request.header("Content-Type", op.contentType()).body("{}");
        }
        return request.header(mismatch.header(), mismatch.value()).send();
    }

    @ParameterizedTest(name = "visitor {0} with {1}")
    @MethodSource("mismatches")
    void aVisitorGets401BeforeTheMediaTypesAreChecked(Operation op, Mismatch mismatch, Api api) {
        assertProblem(send(api, TestUser.freshIp(), op, mismatch), 401, "visitor " + op + " with " + mismatch);
    }

    @ParameterizedTest(name = "member {0} with {1}")
    @MethodSource("mismatches")
    void aMemberGets403FromAdministratorOperationsBeforeTheMediaTypesAreChecked(Operation op, Mismatch mismatch,
                                                                                  PackagedServer server) {
        if (!op.adminOnly()) {
            return;
        }
        TestUser member = Members.of(server);
        assertProblem(send(member.api(), member.ip(), op, mismatch), 403, "member " + op + " with " + mismatch);
    }

    @Test
    void aCallerWithTheRightStillLearnsWhatIsWrongWithTheMediaType(PackagedServer server) {
        TestUser admin = TestUser.admin(server);
        assertProblem(admin.api().request("POST", "/api/fields").header("X-Forwarded-For", admin.ip())
                .header("Content-Type", "text/plain").body("{}").send(), 415, "admin POST /api/fields as text");
        TestUser member = Members.of(server);
        assertProblem(member.api().request("GET", "/api/me").header("X-Forwarded-For", member.ip())
                .header("Accept", "image/png").send(), 406, "member GET /api/me as an image");
    }

    @Test
    void aPublicOperationStillAnswers415ToAVisitor(Api api) {
        assertProblem(api.request("POST", "/api/sessions").header("X-Forwarded-For", TestUser.freshIp())
                .header("Content-Type", "text/plain").body("{}").send(), 415, "visitor POST /api/sessions as text");
    }
}
