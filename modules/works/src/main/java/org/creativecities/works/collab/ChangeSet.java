package org.creativecities.works.collab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A change to a text, exactly as {@code @codemirror/state}'s {@code ChangeSet} (6.x) models it, so that browser
 * clients and the server compute the same texts: a list of sections, each either kept ({@code len} characters of the
 * old text retained) or replaced ({@code len} characters of the old text replaced by an inserted text, possibly
 * empty). Lengths are in UTF-16 code units, as JavaScript and CodeMirror count them (and as {@link String#length()}
 * does).
 *
 * <p>Composition and mapping are ports of CodeMirror's {@code composeSets} and {@code mapSet}, kept line for line so
 * that a Java client rebases exactly like {@code @codemirror/collab}: {@code a.compose(b.map(a))} and
 * {@code b.compose(a.map(b, true))} give the same text. The wire form is {@link ChangeSetJson}. Immutable.
 */
public final class ChangeSet {

    /** Pairs (length in the old text, inserted length or -1 for a kept section), as CodeMirror's sections. */
    private final int[] sections;
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
        Builder b = new Builder();
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
        return other.isEmpty() ? this : composeSets(this, other);
    }

    /**
     * This change, which applies to the same text as {@code other}, rewritten to apply after {@code other}. With
     * {@code before}, insertions of this change at the same place as {@code other}'s go first.
     */
    public ChangeSet map(ChangeSet other, boolean before) {
        return other.isEmpty() ? this : mapSet(this, other, before);
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

    // ---- CodeMirror's algorithms (change.ts: mapSet, composeSets, SectionIter, addSection, addInsert) ----

    private static ChangeSet mapSet(ChangeSet setA, ChangeSet setB, boolean before) {
        Builder out = new Builder();
        SectionIter a = new SectionIter(setA);
        SectionIter b = new SectionIter(setB);
        for (int inserted = -1;;) {
            if (a.done() && b.len != 0 || b.done() && a.len != 0) {
                throw new IllegalArgumentException("Mismatched change set lengths");
            } else if (a.ins == -1 && b.ins == -1) {
                int len = Math.min(a.len, b.len);
                out.section(len, -1);
                a.forward(len);
                b.forward(len);
            } else if (b.ins >= 0 && (a.ins < 0 || inserted == a.i || a.off == 0
                    && (b.len < a.len || b.len == a.len && !before))) {
                int len = b.len;
                out.section(b.ins, -1);
                while (len != 0) {
                    int piece = Math.min(a.len, len);
                    if (a.ins >= 0 && inserted < a.i && a.len <= piece) {
                        out.section(0, a.ins);
                        out.insert(a.text());
                        inserted = a.i;
                    }
                    a.forward(piece);
                    len -= piece;
                }
                b.next();
            } else if (a.ins >= 0) {
                int len = 0;
                int left = a.len;
                while (left != 0) {
                    if (b.ins == -1) {
                        int piece = Math.min(left, b.len);
                        len += piece;
                        left -= piece;
                        b.forward(piece);
                    } else if (b.ins == 0 && b.len < left) {
                        left -= b.len;
                        b.next();
                    } else {
                        break;
                    }
                }
                out.section(len, inserted < a.i ? a.ins : 0);
                if (inserted < a.i) {
                    out.insert(a.text());
                }
                inserted = a.i;
                a.forward(a.len - left);
            } else if (a.done() && b.done()) {
                return out.build();
            } else {
                throw new IllegalArgumentException("Mismatched change set lengths");
            }
        }
    }

    private static ChangeSet composeSets(ChangeSet setA, ChangeSet setB) {
        Builder out = new Builder();
        SectionIter a = new SectionIter(setA);
        SectionIter b = new SectionIter(setB);
        for (boolean open = false;;) {
            if (a.done() && b.done()) {
                return out.build();
            } else if (a.ins == 0) {
                out.section(a.len, 0, open);
                a.next();
            } else if (b.len == 0 && !b.done()) {
                out.section(0, b.ins, open);
                out.insert(b.text());
                b.next();
            } else if (a.done() || b.done()) {
                throw new IllegalArgumentException("Mismatched change set lengths");
            } else {
                int len = Math.min(a.len2(), b.len);
                int sectionLen = out.size();
                if (a.ins == -1) {
                    int insB = b.ins == -1 ? -1 : b.off != 0 ? 0 : b.ins;
                    out.section(len, insB, open);
                    if (insB > 0) {
                        out.insert(b.text());
                    }
                } else if (b.ins == -1) {
                    out.section(a.off != 0 ? 0 : a.len, len, open);
                    out.insert(a.textBit(len));
                } else {
                    out.section(a.off != 0 ? 0 : a.len, b.off != 0 ? 0 : b.ins, open);
                    if (b.off == 0) {
                        out.insert(b.text());
                    }
                }
                open = (a.ins > len || b.ins >= 0 && b.len > len) && (open || out.size() > sectionLen);
                a.forward2(len);
                b.forward(len);
            }
        }
    }

    /** Walks a change's sections, possibly part of one at a time. */
    private static final class SectionIter {
        private final ChangeSet set;
        int i;
        int len;
        int off;
        int ins;

        SectionIter(ChangeSet set) {
            this.set = set;
            next();
        }

        void next() {
            if (i < set.sections.length) {
                len = set.sections[i++];
                ins = set.sections[i++];
            } else {
                len = 0;
                ins = -2;
            }
            off = 0;
        }

        boolean done() {
            return ins == -2;
        }

        int len2() {
            return ins < 0 ? len : ins;
        }

        String text() {
            return set.insertedAt((i - 2) >> 1);
        }

        String textBit(int length) {
            return set.insertedAt((i - 2) >> 1).substring(off, off + length);
        }

        void forward(int length) {
            if (length == len) {
                next();
            } else {
                len -= length;
                off += length;
            }
        }

        void forward2(int length) {
            if (ins == -1) {
                forward(length);
            } else if (length == ins) {
                next();
            } else {
                ins -= length;
                off += length;
            }
        }
    }

    /** Builds sections as CodeMirror's {@code addSection}/{@code addInsert} do: adjacent alike sections merge. */
    static final class Builder {
        private final List<Integer> sections = new ArrayList<>();
        private final List<String> inserted = new ArrayList<>();

        int size() {
            return sections.size();
        }

        void section(int len, int ins) {
            section(len, ins, false);
        }

        void section(int len, int ins, boolean forceJoin) {
            if (len == 0 && ins <= 0) {
                return;
            }
            int last = sections.size() - 2;
            if (last >= 0 && ins <= 0 && ins == sections.get(last + 1)) {
                sections.set(last, sections.get(last) + len);
            } else if (last >= 0 && len == 0 && sections.get(last) == 0) {
                sections.set(last + 1, sections.get(last + 1) + ins);
            } else if (forceJoin) {
                sections.set(last, sections.get(last) + len);
                sections.set(last + 1, sections.get(last + 1) + ins);
            } else {
                sections.add(len);
                sections.add(ins);
            }
        }

        void insert(String value) {
            if (value.isEmpty()) {
                return;
            }
            int index = (sections.size() - 2) >> 1;
            if (index < inserted.size()) {
                inserted.set(inserted.size() - 1, inserted.get(inserted.size() - 1) + value);
            } else {
                while (inserted.size() < index) {
                    inserted.add("");
                }
                inserted.add(value);
            }
        }

        ChangeSet build() {
            int[] s = new int[sections.size()];
            for (int i = 0; i < s.length; i++) {
                s[i] = sections.get(i);
            }
            return new ChangeSet(s, inserted.toArray(new String[0]));
        }
    }
}
