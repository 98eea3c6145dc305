package org.creativecities.app.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rule "who is asking is checked before the body is read" cannot rot (issue 12, Medium 10): every resource
 * operation that requires a signed-in caller, directly or through the services it calls, carries
 * {@code @SignedIn} or {@code @AdminOnly} (whose filters run before the entity is read), every operation that
 * requires an administrator carries {@code @AdminOnly}, and the OpenAPI document says so with
 * {@code @SecurityRequirement}.
 */
class WebAuthorizationRulesTest {

    private static final String CALLER = "org.creativecities.core.identity.Caller";
    private static final String SIGNED_IN = "org.creativecities.core.identity.SignedIn";
    private static final String ADMIN_ONLY = "org.creativecities.core.identity.AdminOnly";
    private static final String SECURITY = "org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement";
    private static final List<String> HTTP_METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD",
        "OPTIONS").stream().map(m -> "jakarta.ws.rs." + m).toList();
    private static final int DEPTH = 4;

    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        Path root = Path.of("").toAbsolutePath().getParent().getParent();
        core = new ClassFileImporter().importPath(root.resolve("modules/core/target/classes"));
        assertFalse(core.isEmpty(), "core classes must be built before this test runs");
    }

    private static List<JavaMethod> operations() {
        List<JavaMethod> out = new ArrayList<>();
        for (JavaClass c : core) {
            if (!c.isAnnotatedWith("jakarta.ws.rs.Path")) {
                continue;
            }
            for (JavaMethod m : c.getMethods()) {
                if (HTTP_METHODS.stream().anyMatch(m::isAnnotatedWith)) {
                    out.add(m);
                }
            }
        }
        assertTrue(out.size() > 40, "the resources were found: " + out.size());
        return out;
    }

    private static boolean has(JavaMethod m, String annotation) {
        return m.isAnnotatedWith(annotation) || m.getOwner().isAnnotatedWith(annotation);
    }

    /** The {@code Caller.require*} methods reachable from {@code m} within our own code. */
    private static Set<String> requirements(JavaMethod m) {
        Set<String> found = new HashSet<>();
        walk(m, DEPTH, new HashSet<>(), found);
        return found;
    }

    private static void walk(JavaMethod m, int depth, Set<String> seen, Set<String> found) {
        if (depth == 0 || !seen.add(m.getFullName())) {
            return;
        }
        for (JavaMethodCall call : m.getMethodCallsFromSelf()) {
            String owner = call.getTargetOwner().getName();
            String name = call.getName();
            if (owner.equals(CALLER)) {
                if (name.startsWith("require")) {
                    found.add(name);
                }
                continue;
            }
            if (owner.startsWith("org.creativecities.core.")) {
                call.getTarget().resolveMember().ifPresent(target -> walk(target, depth - 1, seen, found));
            }
        }
    }

    @Test
    void everyOperationThatNeedsASignedInCallerSaysSoBeforeTheBodyIsRead() {
        List<String> missing = new ArrayList<>();
        for (JavaMethod m : operations()) {
            Set<String> needs = requirements(m);
            boolean guarded = has(m, SIGNED_IN) || has(m, ADMIN_ONLY);
            if (!needs.isEmpty() && !guarded) {
                missing.add(m.getFullName() + " calls Caller." + needs + " but has neither @SignedIn nor @AdminOnly");
            }
            if (needs.equals(Set.of("requireAdmin")) && !has(m, ADMIN_ONLY)) {
                missing.add(m.getFullName() + " requires an administrator but is not @AdminOnly");
            }
        }
        assertTrue(missing.isEmpty(), String.join("\n", missing));
    }

    @Test
    void everyGuardedOperationIsDocumentedAsSecuredAndTheReverse() {
        List<String> wrong = new ArrayList<>();
        for (JavaMethod m : operations()) {
            boolean guarded = has(m, SIGNED_IN) || has(m, ADMIN_ONLY);
            boolean documented = has(m, SECURITY);
            if (guarded != documented) {
                wrong.add(m.getFullName() + (guarded ? " is guarded but has no @SecurityRequirement"
                        : " has @SecurityRequirement but neither @SignedIn nor @AdminOnly"));
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }
}
