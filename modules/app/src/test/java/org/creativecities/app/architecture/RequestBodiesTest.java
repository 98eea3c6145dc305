package org.creativecities.app.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How request bodies are read, proven on the compiled classes of every module and plugin: JSON bodies are records or
 * JSON-P values, which the core's strict reader parses with limits and binds without unknown properties; raw bodies
 * are streams or bytes. So JSON-B's lenient reading is never used, and the application needs no JSON-B context
 * resolver of its own, which matters: registering one as a class made Payara's own resolver instantiate it lazily on
 * the first answers, from every request thread at once, and fail some of them with a
 * ConcurrentModificationException (a 500) right after a start.
 */
class RequestBodiesTest {

    private static final Set<String> HTTP_METHODS = Set.of("jakarta.ws.rs.GET", "jakarta.ws.rs.POST",
            "jakarta.ws.rs.PUT", "jakarta.ws.rs.PATCH", "jakarta.ws.rs.DELETE");

    /** The annotations that make a resource method's parameter something else than its body. */
    private static final Set<String> NOT_THE_BODY = Set.of("jakarta.ws.rs.PathParam", "jakarta.ws.rs.QueryParam",
            "jakarta.ws.rs.HeaderParam", "jakarta.ws.rs.CookieParam", "jakarta.ws.rs.FormParam",
            "jakarta.ws.rs.MatrixParam", "jakarta.ws.rs.BeanParam", "jakarta.ws.rs.core.Context",
            "jakarta.ws.rs.container.Suspended");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent().getParent();
        List<Path> dirs = new ArrayList<>();
        for (String parent : List.of("modules", "plugins")) {
            try (Stream<Path> children = Files.list(root.resolve(parent))) {
                children.map(p -> p.resolve("target/classes")).filter(Files::isDirectory).forEach(dirs::add);
            }
        }
        classes = new ClassFileImporter().importPaths(dirs);
        assertFalse(classes.isEmpty(), "the modules must be built before this test runs");
    }

    @Test
    void everyRequestBodyIsARecordAJsonValueOrRawBytes() {
        List<String> lenient = new ArrayList<>();
        int bodies = 0;
        for (JavaClass owner : classes) {
            for (JavaMethod method : owner.getMethods()) {
                if (method.getAnnotations().stream().noneMatch(a -> HTTP_METHODS.contains(a.getRawType().getName()))) {
                    continue;
                }
                for (JavaParameter parameter : method.getParameters()) {
                    if (!isBody(parameter)) {
                        continue;
                    }
                    bodies++;
                    if (!readStrictlyOrRaw(parameter.getRawType())) {
                        lenient.add(owner.getSimpleName() + "." + method.getName() + " takes a "
                                + parameter.getRawType().getName());
                    }
                }
            }
        }
        assertTrue(bodies > 20, "the resource methods' bodies were found (" + bodies + ")");
        assertEquals(List.of(), lenient, "a body must be a record or a JSON-P value (read by StrictJsonReader), "
                + "or an InputStream or byte[] read by the resource itself");
    }

    @Test
    void noModuleRegistersAJsonbContextResolver() {
        List<String> resolvers = classes.stream()
                .filter(c -> c.isAssignableTo("jakarta.ws.rs.ext.ContextResolver"))
                .map(JavaClass::getName).toList();
        assertEquals(List.of(), resolvers, "Payara's JSON-B resolver instantiates resolver classes lazily and not "
                + "thread-safely; JSON written by JAX-RS uses JSON-B's defaults, which leave nulls out");
    }

    private static boolean isBody(JavaParameter parameter) {
        return parameter.getAnnotations().stream().noneMatch(a -> NOT_THE_BODY.contains(a.getRawType().getName()));
    }

    private static boolean readStrictlyOrRaw(JavaClass type) {
        return type.isRecord() || type.isAssignableTo(JsonValue.class) || type.isAssignableTo(InputStream.class)
                || type.getName().equals("[B");
    }
}
