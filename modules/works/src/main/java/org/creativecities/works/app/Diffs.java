package org.creativecities.works.app;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;
import com.github.difflib.patch.Patch;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Map;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.creativecities.works.app.WorkDtos.DiffView;
import org.creativecities.works.app.WorkDtos.LineChange;
import org.creativecities.works.app.WorkDtos.WordChange;
import org.creativecities.works.domain.WorkVersion;

/**
 * Compares two versions with java-diff-utils (Myers): a line diff, and within each changed block a word diff (words
 * and the spaces between them are the tokens). JSON content (collections, plugin kinds) is compared the same way on
 * its text, and structurally as well ({@link JsonDiffs}).
 */
public final class Diffs {

    private static final JsonWriterFactory PRETTY = Json.createWriterFactory(
            Map.of(JsonGenerator.PRETTY_PRINTING, true));

    private static final Pattern TOKEN = Pattern.compile("\\s+|[^\\s]+");

    private Diffs() {
    }

    public static DiffView diff(WorkVersion from, WorkVersion to) {
        boolean structuredBoth = WorkVersion.JSON.equals(from.format()) && WorkVersion.JSON.equals(to.format());
        JsonValue fromJson = WorkVersion.JSON.equals(from.format()) ? WorkInput.shown(from) : null;
        JsonValue toJson = WorkVersion.JSON.equals(to.format()) ? WorkInput.shown(to) : null;
        List<String> a = lines(text(from, fromJson));
        List<String> b = lines(text(to, toJson));
        Patch<String> patch = DiffUtils.diff(a, b);
        List<LineChange> changes = new ArrayList<>();
        int added = 0;
        int removed = 0;
        for (AbstractDelta<String> d : patch.getDeltas()) {
            List<String> source = d.getSource().getLines();
            List<String> target = d.getTarget().getLines();
            added += target.size();
            removed += source.size();
            List<WordChange> words = d.getType() == DeltaType.CHANGE
                    ? words(String.join("\n", source), String.join("\n", target)) : List.of();
            changes.add(new LineChange(d.getType().name().toLowerCase(java.util.Locale.ROOT),
                    d.getSource().getPosition() + 1, source, d.getTarget().getPosition() + 1, target, words));
        }
        List<WorkDtos.JsonChange> structured = structuredBoth ? JsonDiffs.diff(fromJson, toJson) : List.of();
        return new DiffView(from.number(), to.number(), to.format(), added, removed, changes, structured);
    }

    /**
     * A version's text to compare line by line: Markdown as it is, JSON pretty-printed (one member a line).
     *
     * @param json the version's JSON content, parsed once by the caller; {@code null} for Markdown
     */
    private static String text(WorkVersion version, JsonValue json) {
        if (json == null) {
            return version.content();
        }
        StringWriter out = new StringWriter();
        try (JsonWriter writer = PRETTY.createWriter(out)) {
            writer.write(json);
        }
        return out.toString().strip();
    }

    static List<WordChange> words(String from, String to) {
        List<String> a = tokens(from);
        List<String> b = tokens(to);
        Patch<String> patch = DiffUtils.diff(a, b);
        List<WordChange> out = new ArrayList<>();
        int i = 0;
        for (AbstractDelta<String> d : patch.getDeltas()) {
            int start = d.getSource().getPosition();
            if (start > i) {
                out.add(new WordChange("equal", String.join("", a.subList(i, start)), null));
            }
            String before = String.join("", d.getSource().getLines());
            String after = String.join("", d.getTarget().getLines());
            out.add(switch (d.getType()) {
                case INSERT -> new WordChange("insert", null, after);
                case DELETE -> new WordChange("delete", before, null);
                default -> new WordChange("change", before, after);
            });
            i = start + d.getSource().size();
        }
        if (i < a.size()) {
            out.add(new WordChange("equal", String.join("", a.subList(i, a.size())), null));
        }
        return out;
    }

    private static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : List.of(text.split("\r?\n", -1));
    }

    private static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
