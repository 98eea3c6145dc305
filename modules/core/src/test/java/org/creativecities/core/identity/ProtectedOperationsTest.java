package org.creativecities.core.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import java.util.Optional;
import org.creativecities.core.identity.ProtectedOperations.Right;
import org.junit.jupiter.api.Test;

class ProtectedOperationsTest {

    @Path("things")
    static class Things {
        @GET
        @Path("{slug}")
        public String get() {
            return "";
        }

        @PATCH
        @Path("{slug}")
        @SignedIn
        public void update() {
        }

        @DELETE
        @Path("/{slug}/")
        @AdminOnly
        public void delete() {
        }
    }

    @Path("/admin/things")
    @AdminOnly
    static class AdminThings {
        @GET
        @Path("{id: [0-9]+}/files/{path: .*}")
        public String file() {
            return "";
        }
    }

    private static ProtectedOperations of(Class<?>... resources) {
        ProtectedOperations operations = new ProtectedOperations();
        for (Class<?> resource : resources) {
            for (var method : resource.getDeclaredMethods()) {
                operations.add(resource, method);
            }
        }
        return operations;
    }

    @Test
    void theRightComesFromTheMethodOrItsClassAndTheTemplateFromBoth() {
        ProtectedOperations ops = of(Things.class, AdminThings.class);
        assertEquals(Optional.of(Right.NONE), ops.required("GET", "things/lyon"));
        assertEquals(Optional.of(Right.NONE), ops.required("HEAD", "things/lyon/"));
        assertEquals(Optional.of(Right.SIGNED_IN), ops.required("PATCH", "things/lyon;jsessionid=1"));
        assertEquals(Optional.of(Right.ADMIN), ops.required("DELETE", "/things/lyon"));
        assertEquals(Optional.of(Right.ADMIN), ops.required("GET", "admin/things/12/files/a/b.txt"));
    }

    @Test
    void anAddressOrMethodThatNamesNoOperationRequiresNothingKnown() {
        ProtectedOperations ops = of(Things.class, AdminThings.class);
        assertTrue(ops.required("PUT", "things/lyon").isEmpty());
        assertTrue(ops.required("GET", "things/lyon/more").isEmpty());
        assertTrue(ops.required("GET", "admin/things/x/files/a").isEmpty());
    }

    @Path("things/{slug}")
    static class OpenThings {
        @PATCH
        public void update() {
        }
    }

    @Test
    void theWeakestRightOfTheOperationsThatMayMatchWins() {
        assertEquals(Optional.of(Right.NONE), of(Things.class, OpenThings.class).required("PATCH", "things/lyon"));
        assertEquals(Optional.of(Right.SIGNED_IN), of(Things.class).required("PATCH", "things/lyon"));
    }
}
