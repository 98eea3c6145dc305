package org.creativecities.works.collab;

import java.util.ArrayList;
import java.util.List;

/**
 * CodeMirror's algorithms on {@link ChangeSet}s, ported line for line from {@code @codemirror/state}'s
 * {@code change.ts} ({@code mapSet}, {@code composeSets}, {@code SectionIter}, {@code addSection},
 * {@code addInsert}), so that the server rebases exactly as the browser does.
 */
final class ChangeSets {

    private ChangeSets() {
    }

    /** {@link ChangeSet#map}: CodeMirror's {@code mapSet}. */
    static ChangeSet map(ChangeSet setA, ChangeSet setB, boolean before) {
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

    /** {@link ChangeSet#compose}: CodeMirror's {@code composeSets}. */
    static ChangeSet compose(ChangeSet setA, ChangeSet setB) {
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
