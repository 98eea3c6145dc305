package org.creativecities.app.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: no HTML sink in the browser UI. Every script of the UI and of the plugins is scanned for the ways a
 * string becomes markup (innerHTML, outerHTML, insertAdjacentHTML, document.write, lit's unsafeHTML/unsafeSVG,
 * createContextualFragment, DOMParser, srcdoc, setHTMLUnsafe, eval, new Function). Server-rendered message HTML
 * reaches the DOM only through core/safe-html.js, where DOMPurify builds the nodes. Comments are not scanned.
 */
class RenderUiSinksTest {

    private static final Pattern SINK = Pattern.compile("\\.innerHTML\\b|\\.outerHTML\\b|insertAdjacentHTML"
            + "|document\\.write(?:ln)?\\s*\\(|\\bunsafeHTML\\b|\\bunsafeSVG\\b|createContextualFragment"
            + "|parseFromString|\\bsrcdoc\\b|setHTMLUnsafe|\\bnew\\s+Function\\s*\\(|\\beval\\s*\\(");
    private static final Pattern BLOCK_COMMENT = Pattern.compile("(?s)/\\*.*?\\*/");
    /** Justified exceptions, file (relative to the repository) to the reason; keep it short. */
    private static final Map<String, String> ALLOWED = Map.of();
    private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();

    @Test
    void noUiScriptTurnsAStringIntoMarkup() throws IOException {
        List<Path> scripts = new ArrayList<>(scripts(ROOT.resolve("modules/core/src/main/webapp/ui")));
        try (Stream<Path> plugins = Files.list(ROOT.resolve("plugins"))) {
            plugins.map(p -> p.resolve("src/main/resources")).filter(Files::isDirectory)
                    .forEach(r -> scripts.addAll(scripts(r)));
        }
        assertTrue(scripts.size() > 20, "the UI sources were not found under " + ROOT);
        List<String> found = new ArrayList<>();
        for (Path script : scripts) {
            String name = ROOT.relativize(script).toString().replace('\\', '/');
            if (!ALLOWED.containsKey(name)) {
                found.addAll(sinks(name, Files.readString(script)));
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void theScanFindsEachSink() {
        for (String code : List.of("el.innerHTML = x;", "el.outerHTML=x", "el.insertAdjacentHTML('beforeend', x)",
                "document.write(x)", "html`${unsafeHTML(x)}`", "range.createContextualFragment(x)",
                "new DOMParser().parseFromString(x, 'text/html')", "frame.srcdoc = x", "eval(x)",
                "new Function(x)")) {
            assertEquals(1, sinks("t.js", code).size(), code);
        }
        assertEquals(List.of(), sinks("t.js", "// el.innerHTML = x\n/* unsafeHTML\n * eval(x) */\nlet y = 1;"));
    }

    private static List<Path> scripts(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".js")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> sinks(String name, String source) {
        List<String> found = new ArrayList<>();
        String[] lines = BLOCK_COMMENT.matcher(source).replaceAll(m -> m.group().replaceAll("[^\\n]", " "))
                .split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.startsWith("//") && SINK.matcher(line).find()) {
                found.add(name + ":" + (i + 1) + ": " + line);
            }
        }
        return found;
    }
}
