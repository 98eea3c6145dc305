package org.creativecities.core.platform.web;

import jakarta.json.JsonValue;
import jakarta.servlet.ServletContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Several of the UI's ES modules served as one file, so that the browser asks once instead of once per module
 * (on HTTP/1.1 it asks six at a time: each request beyond that waits for a round trip). Each module runs in a
 * function of its own, in an order where its imports run before it, and returns what it exports; the file exports
 * the union. The shell's import map sends every import of one of these modules to the file, so that each is one
 * instance whoever imports it.
 *
 * <p>It handles the forms the UI's modules are written in, and refuses the others (the modules are then served
 * one by one, as before): {@code import {a, b as c} from '…'}, {@code import '…'}, {@code export function|class|
 * const|let NAME}, {@code import.meta.url}, literal {@code import('…')}; export names must differ across modules.
 * Addresses are written {@code /static/@/…}, hashed later as the shell's.
 */
final class ModuleBundle {

    private static final Pattern IMPORT = Pattern.compile(
            "(?m)^import\\s+(?:(\\{[^}]*\\})\\s*from\\s*)?['\"]([^'\"]+)['\"];?[ \\t]*$");
    private static final Pattern EXPORT = Pattern.compile(
            "(?m)^export\\s+(?:(?:async\\s+)?function\\*?|class|const|let)\\s+([A-Za-z_$][\\w$]*)");
    private static final Pattern OTHER_MODULE_SYNTAX = Pattern.compile("(?m)^\\s*(?:import\\s+[^('\"]|export\\s)");
    private static final Pattern DYNAMIC_IMPORT = Pattern.compile(
            "\\bimport\\(\\s*(['\"])(\\.{1,2}/[^'\"]+)\\1\\s*\\)");

    private ModuleBundle() {
    }

    /**
     * The bundle of {@code modules} (paths such as {@code /ui/core/i18n.js}, each under {@code roots}), in an order
     * where each comes after what it imports, or empty if one of them is written in a form this does not handle.
     */
    static Optional<String> of(ServletContext context, Set<String> modules, Map<String, JsonValue> imports) {
        return of(module -> ModulePreloads.read(context, module), modules, imports);
    }

    /** As above, each module's source read by {@code read}. */
    static Optional<String> of(UnaryOperator<String> read, Set<String> modules, Map<String, JsonValue> imports) {
        List<String> order = new ArrayList<>();
        Map<String, String> sources = new LinkedHashMap<>();
        for (String module : modules) {
            sources.put(module, read.apply(module));
        }
        for (String module : modules) {
            if (!visit(module, sources, imports, order, new LinkedHashSet<>())) {
                return Optional.empty();
            }
        }
        Map<String, String> external = new LinkedHashMap<>();
        Set<String> exported = new LinkedHashSet<>();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < order.size(); i++) {
            String module = order.get(i);
            String source = sources.get(module);
            StringBuilder prologue = new StringBuilder();
            Matcher m = IMPORT.matcher(source);
            StringBuilder rest = new StringBuilder();
            while (m.find()) {
                String target = ModulePreloads.resolve(module, m.group(2), imports).orElse(m.group(2));
                String from;
                if (sources.containsKey(target)) {
                    from = "__m" + order.indexOf(target);
                } else {
                    String specifier = m.group(2).startsWith(".") ? "/static/@" + target : m.group(2);
                    from = external.computeIfAbsent(specifier, s -> "__e" + external.size());
                }
                if (m.group(1) != null) {
                    prologue.append("const ").append(m.group(1).replaceAll("\\s+as\\s+", ": ")).append(" = ")
                            .append(from).append(";\n");
                }
                m.appendReplacement(rest, "");
            }
            m.appendTail(rest);
            List<String> names = new ArrayList<>();
            Matcher e = EXPORT.matcher(rest);
            while (e.find()) {
                names.add(e.group(1));
            }
            String code = EXPORT.matcher(rest).replaceAll(r -> Matcher.quoteReplacement(
                    r.group().substring("export".length()).strip()));
            if (OTHER_MODULE_SYNTAX.matcher(code).find()) {
                return Optional.empty();
            }
            for (String name : names) {
                if (!exported.add(name)) {
                    return Optional.empty();
                }
            }
            String folder = module.substring(0, module.lastIndexOf('/') + 1);
            code = code.replace("import.meta.url", "new URL('/static/@" + module + "', import.meta.url).href");
            code = DYNAMIC_IMPORT.matcher(code).replaceAll(d -> Matcher.quoteReplacement("import('/static/@"
                    + java.net.URI.create(folder).resolve(d.group(2)).normalize().getPath() + "')"));
            body.append("// ").append(module).append('\n').append("const __m").append(i)
                    .append(" = await (async () => {\n").append(prologue).append(code)
                    .append("\nreturn { ").append(String.join(", ", names)).append(" };\n})();\n");
            if (!names.isEmpty()) {
                body.append("export const { ").append(String.join(", ", names)).append(" } = __m").append(i)
                        .append(";\n");
            }
        }
        StringBuilder bundle = new StringBuilder();
        external.forEach((specifier, name) -> bundle.append("import * as ").append(name).append(" from '")
                .append(specifier).append("';\n"));
        return Optional.of(bundle.append(body).toString());
    }

    /** Puts {@code module} after its imports among {@code sources} into {@code order}; false on a cycle. */
    private static boolean visit(String module, Map<String, String> sources, Map<String, JsonValue> imports,
            List<String> order, Set<String> path) {
        if (order.contains(module)) {
            return true;
        }
        if (!path.add(module)) {
            return false;
        }
        Matcher m = IMPORT.matcher(sources.get(module));
        while (m.find()) {
            Optional<String> target = ModulePreloads.resolve(module, m.group(2), imports);
            if (target.isPresent() && sources.containsKey(target.get())
                    && !visit(target.get(), sources, imports, order, path)) {
                return false;
            }
        }
        path.remove(module);
        order.add(module);
        return true;
    }
}
