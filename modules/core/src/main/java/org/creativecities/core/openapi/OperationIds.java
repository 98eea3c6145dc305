package org.creativecities.core.openapi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;

/**
 * Makes every operationId unique. Payara uses the Java method name, so {@code list} or {@code get} appear on
 * many resources; an id used more than once gets the path's fixed segments appended
 * ({@code list} on {@code /api/admin/plugins} becomes {@code listAdminPlugins}), and a number if that still
 * collides. Ids used once stay as they are, so generated clients keep their method names.
 */
final class OperationIds {

    private OperationIds() {
    }

    static void apply(OpenAPI openAPI) {
        Map<String, Integer> uses = new HashMap<>();
        List<Map.Entry<String, Operation>> all = new ArrayList<>();
        Operations.each(openAPI, (path, method, operation) -> {
            if (operation.getOperationId() == null || operation.getOperationId().isBlank()) {
                operation.setOperationId(method.name().toLowerCase(Locale.ROOT));
            }
            uses.merge(operation.getOperationId(), 1, Integer::sum);
            all.add(Map.entry(path, operation));
        });
        Set<String> taken = new HashSet<>();
        for (Map.Entry<String, Operation> entry : all) {
            Operation operation = entry.getValue();
            String id = operation.getOperationId();
            if (uses.get(id) > 1) {
                id = id + suffix(entry.getKey());
            }
            String unique = id;
            for (int n = 2; !taken.add(unique); n++) {
                unique = id + n;
            }
            operation.setOperationId(unique);
        }
    }

    private static String suffix(String path) {
        StringBuilder b = new StringBuilder();
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals("api") || segment.startsWith("{")) {
                continue;
            }
            for (String word : segment.split("[^A-Za-z0-9]+")) {
                if (!word.isEmpty()) {
                    b.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
                }
            }
        }
        return b.toString();
    }
}
