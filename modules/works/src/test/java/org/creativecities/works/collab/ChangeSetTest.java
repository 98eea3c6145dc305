package org.creativecities.works.collab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The change-set algebra against {@code @codemirror/state}'s own test suite (test/test-change.ts, 6.6.0): the same
 * vectors with the same expected sections, and its randomised convergence properties with fixed seeds.
 */
class ChangeSetTest {

    /** A change set from CodeMirror's test notation "5 0:2 3": kept lengths and len:inserted, unmerged. */
    static ChangeSet mk(String spec) {
        List<Integer> sections = new ArrayList<>();
        List<String> inserted = new ArrayList<>();
        char letter = 'a';
        for (String part : spec.trim().isEmpty() ? new String[0] : spec.trim().split("\\s+")) {
            String[] p = part.split(":");
            sections.add(Integer.parseInt(p[0]));
            if (p.length == 1) {
                sections.add(-1);
                inserted.add("");
            } else {
                int ins = Integer.parseInt(p[1]);
                sections.add(ins);
                inserted.add(String.valueOf(letter++).repeat(ins));
            }
        }
        return new ChangeSet(sections.stream().mapToInt(Integer::intValue).toArray(), inserted.toArray(new String[0]));
    }

    /** One change: {@code from}-{@code to} replaced by {@code insert}. */
    record Spec(int from, int to, String insert) {
    }

    /** CodeMirror's {@code ChangeSet.of(specs, length)}: changes given against the same text, in order. */
    static ChangeSet of(List<Spec> specs, int length) {
        ChangeSet total = null;
        ChangeSets.Builder b = new ChangeSets.Builder();
        int pos = 0;
        for (Spec s : specs) {
            if (s.from() == s.to() && s.insert().isEmpty()) {
                continue;
            }
            if (s.from() < pos) {
                total = flush(total, b, pos, length);
                b = new ChangeSets.Builder();
                pos = 0;
            }
            if (s.from() > pos) {
                b.section(s.from() - pos, -1);
            }
            b.section(s.to() - s.from(), s.insert().length());
            b.insert(s.insert());
            pos = s.to();
        }
        return flush(total, b, pos, length);
    }

    private static ChangeSet flush(ChangeSet total, ChangeSets.Builder b, int pos, int length) {
        if (pos < length) {
            b.section(length - pos, -1);
        }
        ChangeSet set = b.build();
        return total == null ? set : total.compose(set.map(total, false));
    }

    static String rStr(Random r, int l) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < l; i++) {
            s.append((char) ('a' + r.nextInt(26)));
        }
        return s.toString();
    }

    static Spec rChange(Random r, int len) {
        if (len == 0 || r.nextInt(3) == 0) {
            int from = len == 0 ? 0 : r.nextInt(len);
            return new Spec(from, from, rStr(r, r.nextInt(5) + 1));
        }
        int from = len == 1 ? 0 : r.nextInt(len - 1);
        return new Spec(from, Math.min(from + r.nextInt(5) + 1, len), r.nextInt(2) == 0 ? rStr(r, r.nextInt(2) + 1)
                : "");
    }

    static List<Spec> rChanges(Random r, int len, int count) {
        List<Spec> result = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            result.add(rChange(r, len));
        }
        return result;
    }

    static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }

    @Nested
    class Composition {
        void comp(String... specs) {
            ChangeSet result = mk(specs[0]);
            for (int i = 1; i < specs.length - 1; i++) {
                result = result.compose(mk(specs[i]));
            }
            assertEquals(specs[specs.length - 1], result.desc());
        }

        @Test
        void composesAsCodeMirrorDoes() {
            comp("5 0:2", "1 2:0 4", "1 2:0 2 0:2");
            comp("2 0:2 2", "2 2:0 2", "4");
            comp("2 0:2 2", "4 0:3 2", "2 0:5 2");
            comp("2 5:0", "1 1:0", "1 6:0");
            comp("2 2:0 0:3", "5:0", "4:0");
            comp("", "0:8", "8:0", "", "");
            comp("2 2:2 2:2 2", "1 2:2 2:2 2:2 1", "1 6:6 1");
            comp("1 2:2 2:2 2:2 1", "2 2:2 2:2 2", "1 6:6 1");
            comp("1 2:3 3:2 1", "2 3:1 2", "1 5:3 1");
        }

        @Test
        void refusesInconsistentLengths() {
            assertThrows(IllegalArgumentException.class, () -> mk("2 0:2").compose(mk("1 0:1")));
            assertThrows(IllegalArgumentException.class, () -> mk("2 0:2").compose(mk("30 0:1")));
            assertThrows(IllegalArgumentException.class, () -> mk("2 2:0 0:3").compose(mk("7:0")));
        }
    }

    @Nested
    class Mapping {
        void over(String a, String b, String result) {
            assertEquals(result, mk(a).map(mk(b), false).desc());
        }

        void under(String a, String b, String result) {
            assertEquals(result, mk(a).map(mk(b), true).desc());
        }

        @Test
        void mapsAsCodeMirrorDoes() {
            over("4 0:1", "0:3 4", "7 0:1");
            over("4 0:1", "2:0 2", "2 0:1");
            over("2 0:1 2", "2 0:1 2", "3 0:1 2");
            under("2 0:1 2", "2 0:1 2", "2 0:1 3");
            over("2 2:0", "2 1:2 1", "4 1:0");
            under("2 2:0", "2 1:2 1", "4 1:0");
            over("0:1 2:0 8", "6 1:0 0:5 3", "0:1 2:0 12");
            over("5:0 2 3:0 2", "4 4:0 4", "6:0 2");
            under("2 0:1 2", "4:0", "0:1");
            over("4 0:1 4", "2 4:0 2", "2 0:1 2");
            over("2 2:2 2", "0:2 6", "4 2:2 2");
            over("2 2:2 2", "3:0 3", "1:2 2");
            over("1 4:4 1", "3 0:2 3", "1 2:4 2 2:0 1");
            over("1 4:4 1", "2 2:0 2", "1 2:4 1");
            over("2 2:2 2", "3 2:0 1", "2 1:2 1");
            over("2:2 2 2:2", "2 2:0 2", "2:2 2:2");
            under("2 2:0 2", "2 2:0 2", "4");
            over("2 2:0 2", "2 2:0 2", "4");
            over("1 1:2 1", "1 1:1 1", "2 0:2 1");
            under("1 1:2 1", "1 1:1 1", "1 0:2 2");
            over("1 1:2 2", "1 2:1 1", "1 0:2 2");
            over("2 1:2 1", "1 2:1 1", "2 0:2 1");
            over("2:1 1", "1 2:2", "1:1 2");
            over("1 2:1", "2:2 1", "2 1:1");
        }

        @Test
        void mapsPositionsAsCodeMirrorDoes() {
            ChangeSet insertion = mk("4 0:2 4");
            assertEquals(0, insertion.mapPos(0, -1));
            assertEquals(4, insertion.mapPos(4, -1));
            assertEquals(6, insertion.mapPos(4, 1));
            assertEquals(7, insertion.mapPos(5, -1));
            assertEquals(10, insertion.mapPos(8, -1));
            ChangeSet deletion = mk("4 4:0 4");
            assertEquals(4, deletion.mapPos(5, -1));
            assertEquals(5, deletion.mapPos(9, -1));
            ChangeSet mixed = mk("2 0:2 2:0 0:2 2 2:0 0:2");
            int[][] cases = {{0, 0, -1}, {2, 2, -1}, {2, 4, 1}, {3, 4, -1}, {4, 4, -1}, {4, 6, 1}, {5, 7, -1},
                {6, 8, -1}, {7, 8, -1}, {8, 8, -1}, {8, 10, 1}};
            for (int[] c : cases) {
                assertEquals(c[1], mixed.mapPos(c[0], c[2]), "position " + c[0] + " assoc " + c[2]);
            }
            assertThrows(IllegalArgumentException.class, () -> mixed.mapPos(9, -1));
        }
    }

    @Nested
    class Applying {
        static final String DOC10 = "0123456789";

        @Test
        void appliesAsCodeMirrorDoes() {
            assertEquals("01ok23456789", of(List.of(new Spec(2, 2, "ok")), 10).apply(DOC10));
            assertEquals("09", of(List.of(new Spec(1, 9, "")), 10).apply(DOC10));
            assertEquals("0hi189", of(List.of(new Spec(2, 8, ""), new Spec(1, 1, "hi")), 10).apply(DOC10));
            assertEquals("01234567D89", of(List.of(new Spec(8, 8, "ABCD")), 10)
                    .compose(of(List.of(new Spec(8, 11, "")), 14)).apply(DOC10));
            assertEquals("01hi!2367ok?89", of(List.of(new Spec(2, 2, "hi"), new Spec(8, 8, "ok")), 10)
                    .compose(of(List.of(new Spec(4, 4, "!"), new Spec(6, 8, ""), new Spec(12, 12, "?")), 14))
                    .apply(DOC10));
            assertEquals("01abef456789", of(List.of(new Spec(2, 2, "abc"), new Spec(4, 4, "def")), 10)
                    .compose(of(List.of(new Spec(4, 8, "")), 16)).apply(DOC10));
            ChangeSet set0 = of(List.of(new Spec(5, 5, "hi"), new Spec(8, 10, "")), 10);
            ChangeSet set1 = of(List.of(new Spec(10, 10, "ok"), new Spec(6, 7, "")), 10);
            assertEquals("01234hi57ok", set0.compose(set1.map(set0, false)).apply(DOC10));
        }

        @Test
        void createsChangeSetsAsCodeMirrorDoes() {
            assertEquals("5 0:2 5", of(List.of(new Spec(5, 5, "hi")), 10).desc());
            assertEquals("5 2:0 3", of(List.of(new Spec(5, 7, "")), 10).desc());
            assertEquals("3:0 1 1:0 0:4 1:0 2 0:3 2", of(List.of(new Spec(5, 5, "hi"), new Spec(5, 5, "ok"),
                    new Spec(0, 3, ""), new Spec(4, 6, ""), new Spec(8, 8, "boo")), 10).desc());
        }

        @Test
        void countsInUtf16CodeUnitsLikeJavaScript() {
            String doc = "a😀b";
            assertEquals(4, doc.length());
            ChangeSet afterEmoji = ChangeSetJson.fromJson(json("[3,[0,\"é\"],1]"));
            assertEquals("a😀éb", afterEmoji.apply(doc));
            assertFalse(afterEmoji.splitsCharacterOf(doc));
            assertTrue(ChangeSetJson.fromJson(json("[2,[0,\"x\"],2]")).splitsCharacterOf(doc));
            assertTrue(ChangeSetJson.fromJson(json("[1,[2],1]")).apply(doc).equals("ab"));
        }

        @Test
        void refusesATextOfAnotherLength() {
            ChangeSet change = ChangeSetJson.fromJson(json("[5,[0,\"!\"]]"));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> change.apply("abcd"));
            assertEquals("The change applies to a text of 5 characters; this one has 4.", e.getMessage());
        }

        @Test
        void replacesTheSmallestRange() {
            ChangeSet c = ChangeSet.between("Hello Lyon!", "Hello Bristol!");
            assertEquals("[6,[4,\"Bristol\"],1]", c.toString());
            assertEquals("Hello Bristol!", c.apply("Hello Lyon!"));
            assertTrue(ChangeSet.between("same", "same").isEmpty());
            assertEquals("x😀", ChangeSet.between("x😁", "x😀").apply("x😁"));
            assertFalse(ChangeSet.between("x😁", "x😀").splitsCharacterOf("x😁"));
            assertEquals("ab\ncd", ChangeSet.between("", "ab\ncd").apply(""));
        }
    }

    @Nested
    class JsonForm {
        @Test
        void readsAndWritesCodeMirrorsForm() {
            ChangeSet c = ChangeSetJson.fromJson(json("[1,[2,\"EY\",\"Z\"],2,[3]]"));
            assertEquals("hEY\nZlo", c.apply("hello456"));
            assertEquals("[1,[2,\"EY\",\"Z\"],2,[3]]", ChangeSetJson.toJson(c).toString());
            assertEquals(8, c.length());
            assertEquals(7, c.newLength());
            assertEquals("[[0,\"\",\"\"]]", ChangeSetJson.toJson(ChangeSetJson.fromJson(json("[[0,\"\",\"\"]]")))
                    .toString());
            assertEquals("[]", ChangeSetJson.toJson(ChangeSet.empty(0)).toString());
        }

        @Test
        void refusesWhatCodeMirrorCouldNotHaveWritten() {
            for (String bad : new String[] {"{}", "5", "[-1]", "[1.5]", "[[]]", "[[1,2]]", "[\"a\"]", "[[\"a\"]]",
                "[[0,\"a\\nb\"]]", "[[0,\"a\\rb\"]]", "[[0,\"\\ud800\"]]", "[99999999999]", "[true]"}) {
                assertThrows(ChangeSetJson.InvalidChanges.class, () -> ChangeSetJson.fromJson(json(bad)), bad);
            }
        }

        @Test
        void roundTripsRandomSets() {
            Random r = new Random(7);
            for (int i = 0; i < 200; i++) {
                int size = r.nextInt(20) + 1;
                ChangeSet set = of(rChanges(r, size, r.nextInt(4)), size);
                assertEquals(set.desc(), ChangeSetJson.fromJson(ChangeSetJson.toJson(set)).desc());
                assertEquals(set, ChangeSetJson.fromJson(ChangeSetJson.toJson(set)));
            }
        }
    }

    @Nested
    class Properties {
        @Test
        void mappingBeforeGivesTheSameTextAsMappingTheOtherAfter() {
            Random r = new Random(42);
            for (int i = 0, total = 2000; i < total; i++) {
                int size = r.nextInt(20);
                int count = i / (total / 10) + 1;
                ChangeSet a = of(rChanges(r, size, count), size);
                ChangeSet b = of(rChanges(r, size, count), size);
                String doc = rStr(r, size);
                assertEquals(a.compose(b.map(a, false)).apply(doc), b.compose(a.map(b, true)).apply(doc));
            }
        }

        @Test
        void mappingConvergesThroughSeveralChanges() {
            Random r = new Random(43);
            for (int i = 0, total = 2000; i < total; i++) {
                int size = r.nextInt(20);
                int count = i / (total / 10) + 1;
                ChangeSet a = of(rChanges(r, size, count), size);
                ChangeSet b = of(rChanges(r, a.newLength(), count), a.newLength());
                ChangeSet c = of(rChanges(r, size, count), size);
                ChangeSet cA = c.map(a, false);
                ChangeSet cAB = cA.map(b, false);
                ChangeSet aC = a.map(c, true);
                ChangeSet bCA = b.map(cA, true);
                String doc = rStr(r, size);
                assertEquals(a.compose(b).compose(cAB).apply(doc), c.compose(aC).compose(bCA).apply(doc));
            }
        }

        @Test
        void composingEqualsApplyingInTurnAndIsAssociative() {
            Random r = new Random(44);
            for (int i = 0; i < 2000; i++) {
                int size = r.nextInt(20);
                String doc = rStr(r, size);
                ChangeSet a = of(rChanges(r, size, r.nextInt(5) + 1), size);
                ChangeSet b = of(rChanges(r, a.newLength(), r.nextInt(6)), a.newLength());
                ChangeSet c = of(rChanges(r, b.newLength(), r.nextInt(5) + 1), b.newLength());
                assertEquals(b.apply(a.apply(doc)), a.compose(b).apply(doc));
                assertEquals(a.compose(b).compose(c).apply(doc), a.compose(b.compose(c)).apply(doc));
            }
        }

        @Test
        void survivesLongRandomSequences() {
            Random r = new Random(45);
            for (int i = 0; i < 200; i++) {
                String start = "0123456789";
                String txt = start;
                ChangeSet composed = ChangeSet.empty(start.length());
                for (int j = 0; j < 50; j++) {
                    Spec s = rChange(r, txt.length());
                    ChangeSet set = of(List.of(s), txt.length());
                    String expected = txt.substring(0, s.from()) + s.insert() + txt.substring(s.to());
                    txt = set.apply(txt);
                    assertEquals(expected, txt);
                    composed = composed.compose(set);
                }
                assertEquals(txt, composed.apply(start));
            }
        }
    }

    @Test
    void emptyChangesAreEmpty() {
        assertTrue(ChangeSet.empty(5).isEmpty());
        assertTrue(ChangeSetJson.fromJson(JsonValue.EMPTY_JSON_ARRAY).isEmpty());
        assertEquals(0, ChangeSet.empty(0).length());
    }
}
