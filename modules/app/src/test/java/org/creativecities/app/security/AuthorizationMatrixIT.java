package org.creativecities.app.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.creativecities.app.security.ApiWorld.Role;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.OwnServerLane;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The authorization matrix: every operation of the document × {visitor, member, other city's member,
 * coordinator, admin, revoked session}, against the expectations in
 * {@code security/api-authorization-matrix.txt}. A caller without the right is refused with 401 (anonymous or
 * revoked) or 403 (signed in), whatever the body; one with the right is not refused.
 */
@OwnServerLane
class AuthorizationMatrixIT {

    private static final List<Role> COLUMNS = List.of(Role.VISITOR, Role.MEMBER, Role.OTHER_CITY_MEMBER,
            Role.COORDINATOR, Role.ADMIN, Role.REVOKED);
    private static Map<String, String[]> matrix;

    @BeforeAll
    static void read() throws IOException {
        matrix = new LinkedHashMap<>();
        try (InputStream in = Objects.requireNonNull(AuthorizationMatrixIT.class.getResourceAsStream(
                "/security/api-authorization-matrix.txt"));
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.trim().split("\\s+");
                if (cells.length != 2 + COLUMNS.size()) {
                    throw new IllegalStateException("bad matrix line: " + line);
                }
                matrix.put(cells[0] + " " + cells[1], Arrays.copyOfRange(cells, 2, cells.length));
            }
        }
    }

    @Test
    void everyOperationIsInTheMatrix() {
        ApiWorld world = ApiWorld.get();
        List<String> missing = new ArrayList<>();
        for (ApiDocument.Operation op : world.document.operations()) {
            if (!op.isPluginRoute() && !matrix.containsKey(op.toString())) {
                missing.add(op.toString());
            }
        }
        List<String> stale = new ArrayList<>(matrix.keySet());
        world.document.operations().forEach(op -> stale.remove(op.toString()));
        assertEquals(List.of(), missing, "operations the matrix does not classify");
        assertEquals(List.of(), stale, "matrix lines for operations the document does not have");
    }

    @Test
    void eachCallerIsRefusedOrServedAsTheMatrixSays() {
        ApiWorld world = ApiWorld.get();
        ApiRequests requests = new ApiRequests(world, world.matrix);
        List<String> wrong = new ArrayList<>();
        for (ApiDocument.Operation op : world.document.operations()) {
            String[] expected = matrix.get(op.toString());
            if (expected == null) {
                continue;
            }
            // The same target for everyone: never the caller's own profile.
            String path = requests.path(op, Role.VISITOR);
            Object body = op.takesBody() ? (op.jsonBody().isPresent() ? "{}" : "") : null;
            for (int i = 0; i < COLUMNS.size(); i++) {
                Role role = COLUMNS.get(i);
                String want = expected[i];
                boolean refusal = want.equals("401") || want.equals("403");
                if (want.equals("-") || want.equals("ok") && !op.method().equals("GET")) {
                    continue;
                }
                Api.Response r = requests.send(role, op.method(), path, body, ApiRequests.contentType(op));
                if (refusal && r.status() != Integer.parseInt(want)) {
                    wrong.add(op + " as " + role + ": expected " + want + ", got " + ContractIT.shorten(r.toString()));
                } else if (!refusal && (r.status() == 401 || r.status() == 403)) {
                    wrong.add(op + " as " + role + ": refused, " + ContractIT.shorten(r.toString()));
                }
            }
        }
        assertEquals(List.of(), wrong, wrong.size() + " cells of the matrix do not hold");
    }
}
