package org.creativecities.app.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OpenAPI document is valid OpenAPI 3 and complete: what a generated client or a tester reads from it is
 * what the server does (issue 12, "The API contract is part of the defence"). The running plugins' own routes
 * (issue 15) are held to the same rules.
 */
@ExtendWith(SharedServer.class)
class ApiDocumentIT {

    private static ApiDocument document;

    @BeforeAll
    static void load(Api api) {
        document = ApiDocument.of(api);
    }

    @Test
    void isValidOpenApi3WithoutAnyParserMessage() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(document.text(), null, options);
        assertTrue(result.getOpenAPI() != null, "parsed");
        assertEquals(List.of(), result.getMessages(), "swagger-parser's errors and warnings");
        assertTrue(document.root().path("openapi").asText().startsWith("3."), document.root().path("openapi").asText());
    }

    @Test
    void hasOnlyStandardRootKeysAndEachTagOnce() {
        Set<String> standard = Set.of("openapi", "info", "servers", "paths", "components", "security", "tags",
                "externalDocs");
        List<String> unknown = new ArrayList<>();
        document.root().fieldNames().forEachRemaining(k -> {
            if (!standard.contains(k) && !k.startsWith("x-")) {
                unknown.add(k);
            }
        });
        assertEquals(List.of(), unknown, "non-standard root keys");
        Map<String, Integer> tags = new HashMap<>();
        document.root().path("tags").forEach(t -> tags.merge(t.path("name").asText(), 1, Integer::sum));
        tags.values().removeIf(n -> n == 1);
        assertEquals(Map.of(), tags, "tags listed more than once");
    }

    @Test
    void operationIdsAreUnique() {
        Map<String, List<String>> byId = new HashMap<>();
        for (ApiDocument.Operation op : document.allOperations()) {
            byId.computeIfAbsent(op.id(), k -> new ArrayList<>()).add(op.toString());
        }
        byId.values().removeIf(ops -> ops.size() == 1);
        assertEquals(Map.of(), byId, "duplicate operationIds");
        assertTrue(document.allOperations().stream().noneMatch(op -> op.id().isBlank()), "every operation has an id");
    }

    @Test
    void everyPathParameterIsDeclaredAndNoPathIsARegex() {
        Pattern template = Pattern.compile("\\{([^}]*)}");
        List<String> wrong = new ArrayList<>();
        for (ApiDocument.Operation op : document.allOperations()) {
            Set<String> declared = new TreeSet<>();
            op.parameters().stream().filter(p -> p.path("in").asText().equals("path"))
                    .forEach(p -> declared.add(p.path("name").asText()));
            Set<String> inPath = new TreeSet<>();
            Matcher m = template.matcher(op.path());
            while (m.find()) {
                if (!m.group(1).matches("[A-Za-z][A-Za-z0-9]*")) {
                    wrong.add(op + ": template '" + m.group(1) + "'");
                }
                inPath.add(m.group(1));
            }
            if (!declared.equals(inPath)) {
                wrong.add(op + ": declares " + declared + " for " + inPath);
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void queryParametersAreTypedAndBodiesRequired() {
        List<String> wrong = new ArrayList<>();
        Set<String> typedNames = Set.of("page", "size", "limit", "year", "before", "after", "retired", "archived",
                "start", "force", "purge", "gc", "unread");
        for (ApiDocument.Operation op : document.allOperations()) {
            for (JsonNode p : op.parameters()) {
                String type = p.path("schema").path("type").asText();
                if (type.isEmpty() || typedNames.contains(p.path("name").asText()) && type.equals("string")) {
                    wrong.add(op + " parameter " + p.path("name").asText() + " typed '" + type + "'");
                }
            }
            if (op.takesBody() && !op.node().path("requestBody").path("required").asBoolean(false)) {
                wrong.add(op + ": the request body is not marked required");
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyOperationDocumentsTheAnswersItCanGive() {
        List<String> missing = new ArrayList<>();
        for (ApiDocument.Operation op : document.allOperations()) {
            if (op.secured() && !op.documents(401)) {
                missing.add(op + ": 401");
            }
            if (op.takesBody()) {
                for (int code : new int[] {400, 413, 415}) {
                    if (!op.documents(code)) {
                        missing.add(op + ": " + code);
                    }
                }
            }
            if (!op.isPluginRoute() && !op.documents(400)) {
                missing.add(op + ": 400 (an unknown query parameter is refused everywhere)");
            }
        }
        assertEquals(List.of(), missing, "undocumented answers");
    }

    @Test
    void everyAnswerWithABodyDeclaresItsSchema() {
        List<String> missing = new ArrayList<>();
        for (ApiDocument.Operation op : document.allOperations()) {
            op.node().path("responses").fields().forEachRemaining(r -> {
                String code = r.getKey();
                boolean bodiless = code.equals("204") || code.equals("304") || code.equals("default");
                JsonNode content = r.getValue().path("content");
                if (!bodiless && (content.isEmpty() || !content.elements().next().has("schema"))) {
                    missing.add(op + " " + code);
                }
                if (code.startsWith("4") && !content.has("application/problem+json")) {
                    missing.add(op + " " + code + " is not a problem document");
                }
            });
        }
        assertEquals(List.of(), missing, "answers without a schema");
    }

    @Test
    void requestSchemasCarryTheirConstraints() {
        JsonNode registration = document.resolve(document.root().at("/components/schemas/Registration"));
        assertEquals(Set.of("email", "displayName", "password"), asSet(registration.path("required")));
        assertEquals(80, registration.at("/properties/displayName/maxLength").asInt());
        assertEquals(12, registration.at("/properties/password/minLength").asInt());
        assertEquals("email", registration.at("/properties/email/format").asText());
        JsonNode role = document.root().at("/components/schemas/RoleChange/properties/role");
        assertEquals(Set.of("MEMBER", "COORDINATOR"), asSet(role.path("enum")));
        assertEquals("integer", document.root().at("/components/schemas/AccountView/properties/id/type").asText());
        assertEquals("date-time",
                document.root().at("/components/schemas/AccountView/properties/createdAt/format").asText());
    }

    @Test
    void publishesNoInternalClassAsASchema() {
        Set<String> internals = Set.of("AbstractPluginManager", "DefaultPluginManager", "Caller", "AppConfig",
                "CityService", "CityCatalogue", "PluginRegistry", "PluginInstaller", "PluginActivator",
                "PluginSupervisor", "PluginDispatcher", "JsonRepresentation", "PluginRuntime", "Identity", "TimeSource",
                "Entry", "Query", "ListKey");
        List<String> published = new ArrayList<>();
        document.root().path("components").path("schemas").fieldNames().forEachRemaining(name -> {
            if (internals.contains(name)) {
                published.add(name);
            }
        });
        assertEquals(List.of(), published, "internal classes described as schemas");
    }

    @Test
    void generatingItLogsNoErrorOrWarning(PackagedServer server) {
        String checkout = Path.of("").toAbsolutePath().getParent().getParent().toString();
        List<String> lines = server.logText().lines()
                .filter(l -> l.replace(checkout, "").contains("openapi")
                        && (l.contains("[SEVERE]") || l.contains("[WARNING]")))
                .toList();
        assertEquals(List.of(), lines, "the OpenAPI generator's complaints in " + server.logFile());
    }

    private static Set<String> asSet(JsonNode array) {
        Set<String> s = new TreeSet<>();
        array.forEach(v -> s.add(v.asText()));
        return s;
    }
}
