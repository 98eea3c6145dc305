package org.creativecities.projects.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The skill taxonomy's terms as matching compares them: folded ({@link #fold}: accents and case gone, punctuation a
 * space) and expanded to their near-synonyms. A skill and a tag match when their expansions share a term, or when one
 * contains a term of the other as whole words ("sound designer for a film" contains "sound designer"). Immutable.
 */
public final class SkillTerms {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final Map<String, Set<String>> groupsOf;

    /** Terms as written; each group's terms are one another's synonyms (not transitively across groups). */
    public SkillTerms(List<List<String>> groups) {
        Map<String, Set<String>> map = new HashMap<>();
        for (List<String> group : groups) {
            Set<String> folded = new LinkedHashSet<>();
            group.stream().map(SkillTerms::fold).filter(t -> !t.isEmpty()).forEach(folded::add);
            for (String term : folded) {
                map.computeIfAbsent(term, t -> new LinkedHashSet<>()).addAll(folded);
            }
        }
        this.groupsOf = map;
    }

    /** NFD, combining marks stripped, lower case (Locale.ROOT), every run of other than letters and digits a space. */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String bare = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        return NOT_WORD.matcher(bare).replaceAll(" ").strip();
    }

    /** The folded term and its near-synonyms, folded. */
    public Set<String> expand(String text) {
        String folded = fold(text);
        Set<String> out = new LinkedHashSet<>();
        if (!folded.isEmpty()) {
            out.add(folded);
            out.addAll(groupsOf.getOrDefault(folded, Set.of()));
        }
        return out;
    }

    /** Whether a person's tag answers a need's skill. */
    public boolean matches(String skill, String tag) {
        Set<String> wanted = expand(skill);
        Set<String> offered = expand(tag);
        for (String w : wanted) {
            for (String o : offered) {
                if (w.equals(o) || containsWords(w, o) || containsWords(o, w)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean containsWords(String longer, String shorter) {
        return longer.length() > shorter.length() && (" " + longer + " ").contains(" " + shorter + " ");
    }

    /** Groups from text: one a line, terms separated by '|'; blank lines and lines starting with '#' skipped. */
    public static List<List<String>> parse(InputStream in) {
        List<List<String>> groups = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank() && !line.strip().startsWith("#")) {
                    groups.add(split(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return groups;
    }

    /** One group's terms from "a | b | c", stripped, empty ones left out. */
    public static List<String> split(String line) {
        return Arrays.stream(line.split("\\|")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }
}
