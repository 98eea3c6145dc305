package org.creativecities.app.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import org.creativecities.app.security.ApiWorld.Role;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.OwnServerLane;
import org.junit.jupiter.api.Test;

/**
 * Drives every operation of the document with a valid request, as a visitor, a member and an administrator,
 * and holds each answer to the document: its status is documented for the operation, and its body matches the
 * documented schema (networknt json-schema-validator). No answer is a server error or names a Java class.
 */
@OwnServerLane
class ContractIT {

    private static final List<Role> ROLES = List.of(Role.VISITOR, Role.MEMBER, Role.ADMIN);

    @Test
    void everyOperationAnswersAsDocumented() {
        ApiWorld world = ApiWorld.get();
        ApiRequests requests = new ApiRequests(world, world.scratch);
        List<String> failures = new ArrayList<>();
        int twoHundreds = 0;
        int sent = 0;
        for (ApiDocument.Operation op : world.document.operations()) {
            for (Role role : ROLES) {
                String path = requests.path(op, role);
                Api.Response r = requests.send(role, op.method(), path, requests.body(op),
                        ApiRequests.contentType(op));
                sent++;
                if (r.status() / 100 == 2) {
                    twoHundreds++;
                }
                String prefix = op + " as " + role + " (" + op.method() + " " + path + "): ";
                if (r.status() >= 500 && !op.documents(r.status())) {
                    failures.add(prefix + "server error " + r);
                }
                world.document.check(op, r).forEach(p -> failures.add(prefix + p + " | " + shorten(r.body())));
                Matcher m = ApiDocument.JAVA_CLASS.matcher(r.body());
                if (m.find()) {
                    failures.add(prefix + "names a Java class: '" + m.group() + "' in " + shorten(r.body()));
                }
            }
        }
        assertTrue(sent > 150, "every operation was driven: " + sent);
        assertTrue(twoHundreds > 60, "most valid requests succeed for someone: " + twoHundreds + " of " + sent);
        assertEquals(List.of(), failures, failures.size() + " answers differ from the document");
    }

    static String shorten(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
