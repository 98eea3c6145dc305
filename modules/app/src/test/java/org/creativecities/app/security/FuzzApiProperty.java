package org.creativecities.app.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import org.creativecities.app.security.ApiWorld.Role;
import org.creativecities.app.testkit.Api;

/**
 * A property-based fuzzer of the whole API, generated from the server's own OpenAPI document: for every operation,
 * as a visitor, a member and an administrator, bodies and parameters that the operation's schemas accept, and ones
 * they refuse ({@link FuzzMutation}, {@link FuzzParameter}). Whatever comes in, the server never answers 5xx (except
 * a plugin route's documented 502/504), answers only what the operation documents, refuses invalid input with a
 * 4xx, and never names a Java class. Every violation is collected and reported at the end, not only the first.
 * The number of tries bounds the run to a couple of minutes.
 *
 * <p>Run by {@link FuzzApiIT}, not by failsafe directly: the jqwik engine runs after JUnit Jupiter's, so this class
 * ran alone at the end of the integration run, on one of two cores; through {@code FuzzApiIT} it runs in the
 * own-server lane beside the other classes. Its name does not end in {@code IT}, so failsafe does not run it twice.
 */
class FuzzApiProperty {

    private static final List<Role> ROLES = List.of(Role.VISITOR, Role.MEMBER, Role.ADMIN);
    private static final List<String> VIOLATIONS = Collections.synchronizedList(new ArrayList<>());

    /** One generated request. */
    record Case(ApiDocument.Operation op, Role role, FuzzMutation body, FuzzParameter parameter, int pick,
                String garbage) {
    }

    @Property(tries = 2500, generation = GenerationMode.RANDOMIZED, shrinking = ShrinkingMode.OFF,
            seed = "12")
    void theServerAnswersEveryRequestAsDocumented(@ForAll("cases") Case c) {
        ApiWorld world = ApiWorld.get();
        ApiRequests requests = new ApiRequests(world, world.scratch);
        ApiDocument.Operation op = c.op();
        String path = requests.path(op, c.role());
        FuzzParameter.Applied query = c.parameter().apply(op, path, c.pick());
        String body = null;
        boolean invalidBody = false;
        if (op.takesBody()) {
            JsonNode schema = op.jsonBody().map(world.document::resolve).orElse(null);
            if (schema == null) {
                body = c.body() == FuzzMutation.VALID ? "" : c.garbage();
                invalidBody = true;
            } else {
                ObjectNode valid = (ObjectNode) requests.valid(schema, "", 0);
                body = c.body().apply(valid, schema, c.pick(), c.garbage());
                if (body == null) {
                    body = valid.toString();
                } else {
                    invalidBody = c.body() != FuzzMutation.VALID;
                }
            }
        }
        Api.Response r = requests.send(c.role(), op.method(), query.path(), body, ApiRequests.contentType(op));
        String what = op + " as " + c.role() + " body " + (op.takesBody() ? c.body() : "-") + " param "
                + query.description() + ": " + ContractIT.shorten(r.toString()) + " | sent "
                + ContractIT.shorten(String.valueOf(body));
        if (r.status() >= 500 && !op.documents(r.status())) {
            VIOLATIONS.add("5xx: " + what);
        }
        world.document.check(op, r).forEach(p -> VIOLATIONS.add("undocumented (" + p + "): " + what));
        boolean invalid = (invalidBody && !op.isPluginRoute()) || query.invalid();
        if (invalid && (r.status() < 400 || r.status() >= 500)) {
            VIOLATIONS.add("invalid input accepted: " + what);
        }
        Matcher m = ApiDocument.JAVA_CLASS.matcher(r.body() + " " + r.headers().map());
        if (m.find()) {
            VIOLATIONS.add("names a Java class ('" + m.group() + "'): " + what);
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        List<ApiDocument.Operation> ops = ApiWorld.get().document.operations();
        return Combinators.combine(Arbitraries.of(ops), Arbitraries.of(ROLES), Arbitraries.of(FuzzMutation.class),
                        Arbitraries.of(FuzzParameter.class), Arbitraries.integers().between(0, 999),
                        Arbitraries.strings().withCharRange((char) 0, (char) 0xFFFF).ofMaxLength(40))
                .as(Case::new);
    }

    @AfterContainer
    static void noViolations() {
        List<String> all;
        synchronized (VIOLATIONS) {
            all = List.copyOf(VIOLATIONS);
        }
        assertEquals(List.of(), all.stream().limit(80).toList(), all.size() + " violations of the contract");
    }
}
