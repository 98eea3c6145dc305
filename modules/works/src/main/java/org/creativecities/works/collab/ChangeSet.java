package org.creativecities.works.collab;

import java.util.Arrays;

/**
 * A change to a text, exactly as {@code @codemirror/state}'s {@code ChangeSet} (6.x) models it, so that browser
 * clients and the server compute the same texts: a list of sections, each either kept ({@code len} characters of the
 * old text retained) or replaced ({@code len} characters of the old text replaced by an inserted text, possibly
 * empty). Lengths are in UTF-16 code units, as JavaScript and CodeMirror count them (and as {@link String#length()}
 * does).
 *
 * <p>Composition and mapping are ports of CodeMirror's {@code composeSets} and {@code mapSet} ({@link ChangeSets}),
 * kept line for line so that a Java client rebases exactly like {@code @codemirror/collab}:
 * {@code a.compose(b.map(a))} and {@code b.compose(a.map(b, true))} give the same text. The wire form is {@link ChangeSetJson}. Immutable.
 */
public final class ChangeSet {

    /** Pairs (length in the old text, inserted length or -1 for a kept section), as CodeMirror's sections. */
    final int[] sections;
    /** The inserted text of each section (index = section index); null or shorter where nothing is inserted. */
    private final String[] inserted;

    ChangeSet(int[] sections, String[] inserted) {
        this.sections = sections;
        this.inserted = inserted;
    }

    /** No change to a text of this length. */
    public static ChangeSet empty(int length) {
        return new ChangeSet(length > 0 ? new int[] {length, -1} : new int[0], new String[0]);
    }

    /**
     * One replacement: {@code [from, to)} of a text of {@code length} characters replaced by {@code insert} (an
     * insertion when {@code from == to}, a deletion when {@code insert} is empty).
     */
    public static ChangeSet replace(int length, int from, int to, String insert) {
        if (from < 0 || to < from || to > length) {
            throw new IllegalArgumentException("Invalid change range " + from + " to " + to + " in a text of length "
                    + length);
        }
        ChangeSets.Builder b = new ChangeSets.Builder();
        b.section(from, -1);
        if (to > from || !insert.isEmpty()) {
            b.section(to - from, insert.length());
            b.insert(insert);
        }
        b.section(length - to, -1);
        return b.build();
    }

    /**
     * The smallest single replacement that turns {@code from} into {@code to}: their common start and end are kept.
     * Never splits a surrogate pair.
     */
    public static ChangeSet between(String from, String to) {
        int max = Math.min(from.length(), to.length());
        int start = 0;
        while (start < max && from.charAt(start) == to.charAt(start)) {
            start++;
        }
        if (start > 0 && Character.isHighSurrogate(from.charAt(start - 1))) {
            start--;
        }
        int end = 0;
        while (end < max - start && from.charAt(from.length() - 1 - end) == to.charAt(to.length() - 1 - end)) {
            end++;
        }
        if (end > 0 && Character.isLowSurrogate(from.charAt(from.length() - end))) {
            end--;
        }
        return replace(from.length(), start, from.length() - end, to.substring(start, to.length() - end));
    }

    /** The length of the text this change applies to. */
    public int length() {
        int result = 0;
        for (int i = 0; i < sections.length; i += 2) {
            result += sections[i];
        }
        return result;
    }

    /** The length of the text after the change. */
    public int newLength() {
        long result = 0;
        for (int i = 0; i < sections.length; i += 2) {
            int ins = sections[i + 1];
            result += ins < 0 ? sections[i] : ins;
        }
        return Math.toIntExact(result);
    }

    /** Whether this changes nothing. */
    public boolean isEmpty() {
        return sections.length == 0 || sections.length == 2 && sections[1] < 0;
    }

    /** How many characters it inserts in all. */
    public long insertedLength() {
        long result = 0;
        for (int i = 1; i < sections.length; i += 2) {
            result += Math.max(0, sections[i]);
        }
        return result;
    }

    /**
     * The changed text.
     *
     * @throws IllegalArgumentException when the text's length is not the length this change applies to
     */
    public String apply(String doc) {
        if (length() != doc.length()) {
            throw new IllegalArgumentException("The change applies to a text of " + length()
                    + " characters; this one has " + doc.length() + ".");
        }
        StringBuilder out = new StringBuilder(newLength());
        int pos = 0;
        for (int i = 0; i < sections.length; i += 2) {
            int len = sections[i];
            int ins = sections[i + 1];
            if (ins < 0) {
                out.append(doc, pos, pos + len);
            } else if (ins > 0) {
                out.append(insertedAt(i >> 1));
            }
            pos += len;
        }
        return out.toString();
    }

    /**
     * Whether a section boundary falls between the two halves of a surrogate pair of {@code doc} (which the change
     * applies to): applied, it would leave half a character, which no client can display or send back.
     */
    public boolean splitsCharacterOf(String doc) {
        int pos = 0;
        for (int i = 0; i < sections.length; i += 2) {
            if (pos > 0 && pos < doc.length() && Character.isHighSurrogate(doc.charAt(pos - 1))
                    && Character.isLowSurrogate(doc.charAt(pos))) {
                return true;
            }
            pos += sections[i];
        }
        return false;
    }

    /** The combined change: this one, then {@code other} (which applies to the text this one produces). */
    public ChangeSet compose(ChangeSet other) {
        if (isEmpty()) {
            return other;
        }
        return other.isEmpty() ? this : ChangeSets.compose(this, other);
    }

    /**
     * This change, which applies to the same text as {@code other}, rewritten to apply after {@code other}. With
     * {@code before}, insertions of this change at the same place as {@code other}'s go first.
     */
    public ChangeSet map(ChangeSet other, boolean before) {
        return other.isEmpty() ? this : ChangeSets.map(this, other, before);
    }

    /** Where a position of the old text is in the new one ({@code assoc} &lt; 0: stays before insertions there). */
    public int mapPos(int pos, int assoc) {
        int posA = 0;
        int posB = 0;
        for (int i = 0; i < sections.length; i += 2) {
            int len = sections[i];
            int ins = sections[i + 1];
            int endA = posA + len;
            if (ins < 0) {
                if (endA > pos) {
                    return posB + (pos - posA);
                }
                posB += len;
            } else {
                if (endA > pos || endA == pos && assoc < 0 && len == 0) {
                    return pos == posA || assoc < 0 ? posB : posB + ins;
                }
                posB += ins;
            }
            posA = endA;
        }
        if (pos > posA) {
            throw new IllegalArgumentException("Position " + pos + " is out of range for a change of length " + posA);
        }
        return posB;
    }

    /** The sections, as (length, inserted length or -1) pairs; a copy. */
    int[] sections() {
        return sections.clone();
    }

    /** The sections as CodeMirror's {@code ChangeDesc.toString()} writes them: "5 0:2 3" (kept, then replaced). */
    String desc() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < sections.length; i += 2) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(sections[i]);
            if (sections[i + 1] >= 0) {
                out.append(':').append(sections[i + 1]);
            }
        }
        return out.toString();
    }

    /** The text inserted by section {@code index} (empty if none). */
    String insertedAt(int index) {
        return index < inserted.length && inserted[index] != null ? inserted[index] : "";
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ChangeSet c) || !Arrays.equals(sections, c.sections)) {
            return false;
        }
        for (int i = 0; i < sections.length / 2; i++) {
            if (!insertedAt(i).equals(c.insertedAt(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sections);
    }

    @Override
    public String toString() {
        return ChangeSetJson.toJson(this).toString();
    }
}
