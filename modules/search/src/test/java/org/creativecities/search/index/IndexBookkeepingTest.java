package org.creativecities.search.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.creativecities.search.SearchDocument;
import org.creativecities.search.SearchSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexBookkeepingTest {

    @TempDir
    Path folder;

    /** A source whose version the test sets. */
    private static final class Fixed implements SearchSource {
        private final String kind;
        private String version;

        Fixed(String kind, String version) {
            this.kind = kind;
            this.version = version;
        }

        @Override
        public String kind() {
            return kind;
        }

        @Override
        public void documents(Consumer<SearchDocument> sink) {
            sink.accept(doc(kind, "1"));
        }

        @Override
        public Optional<SearchDocument> document(String id) {
            return Optional.of(doc(kind, id));
        }

        @Override
        public String version() {
            return version;
        }

        @Override
        public Set<String> audience(Optional<Long> accountId) {
            return Set.of("public");
        }
    }

    private static SearchDocument doc(String kind, String id) {
        return new SearchDocument(kind, id, "title " + id, "text", "/x", Set.of(), Set.of(), Set.of("public"),
                Instant.EPOCH);
    }

    private static Map<String, SearchSource> sources(SearchSource... all) {
        Map<String, SearchSource> map = new LinkedHashMap<>();
        for (SearchSource s : all) {
            map.put(s.kind(), s);
        }
        return map;
    }

    private List<String> reopen(Map<String, SearchSource> sources) throws IOException {
        try (SearchIndex index = SearchIndex.open(folder, new SearchAnalyzer())) {
            IndexBookkeeping books = new IndexBookkeeping();
            List<String> stale = books.open(index, sources);
            for (String kind : stale) {
                index.put(doc(kind, "1"), "g");
                books.built(index, kind, sources.get(kind).version());
            }
            return stale;
        }
    }

    @Test
    void aMissingIndexBuildsEveryKindAndAnUpToDateOneNothing() throws IOException {
        Fixed city = new Fixed("city", "a");
        Fixed person = new Fixed("person", "b");
        assertEquals(List.of("city", "person"), reopen(sources(city, person)));
        assertEquals(List.of(), reopen(sources(city, person)));
    }

    @Test
    void aChangedVersionRebuildsThatKindOnly() throws IOException {
        Fixed city = new Fixed("city", "a");
        Fixed person = new Fixed("person", "b");
        reopen(sources(city, person));
        person.version = "c";
        assertEquals(List.of("person"), reopen(sources(city, person)));
    }

    @Test
    void aNewSourceIsBuiltAndAGoneOneIsDropped() throws IOException {
        Fixed city = new Fixed("city", "a");
        Fixed work = new Fixed("work", "w");
        reopen(sources(city, work));
        Fixed person = new Fixed("person", "b");
        assertEquals(List.of("person"), reopen(sources(city, person)));
        try (SearchIndex index = SearchIndex.open(folder, new SearchAnalyzer())) {
            assertEquals(2, index.documents(), "the work kind's documents are gone");
        }
    }

    @Test
    void changesCommittedWithTheirVersionAreNotRebuiltAndLaterOnesAre() throws IOException {
        Fixed city = new Fixed("city", "a");
        reopen(sources(city));
        try (SearchIndex index = SearchIndex.open(folder, new SearchAnalyzer())) {
            IndexBookkeeping books = new IndexBookkeeping();
            assertEquals(List.of(), books.open(index, sources(city)));
            city.version = "b";
            index.put(doc("city", "2"), "live");
            books.commit(index, Map.of("city", "b"));
        }
        assertEquals(List.of(), reopen(sources(city)), "the commit recorded the version of its changes");
        city.version = "c";
        assertEquals(List.of("city"), reopen(sources(city)), "a change after the last commit makes the kind stale");
    }

    @Test
    void aStopCommitsWithoutReadingASourceAndItsKindsAreRebuiltNextTime() throws IOException {
        Fixed city = new Fixed("city", "a");
        Fixed person = new Fixed("person", "b");
        reopen(sources(city, person));
        try (SearchIndex index = SearchIndex.open(folder, new SearchAnalyzer())) {
            IndexBookkeeping books = new IndexBookkeeping();
            assertEquals(List.of(), books.open(index, sources(city, person)));
            index.put(doc("city", "2"), "live");
            books.commitAsStale(index, Set.of("city"));
        }
        assertEquals(List.of("city"), reopen(sources(city, person)), "the kind changed before the stop is rebuilt");
    }

    @Test
    void anUnreadableIndexStartsAgainEmpty() throws IOException {
        Fixed city = new Fixed("city", "a");
        reopen(sources(city));
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith("segments")).toList()) {
                Files.write(p, new byte[]{1, 2, 3});
            }
        }
        try (SearchIndex index = SearchIndex.open(folder, new SearchAnalyzer())) {
            assertTrue(index.isFresh());
            assertEquals(0, index.documents());
        }
        assertEquals(List.of("city"), reopen(sources(city)));
    }

    @Test
    void aRebuildRemovesWhatItDidNotSeeAgain() throws IOException {
        try (SearchIndex index = SearchIndex.open(folder, new SearchAnalyzer())) {
            index.put(doc("city", "1"), "old");
            index.put(doc("city", "2"), "old");
            index.put(doc("person", "1"), "old");
            index.put(doc("city", "1"), "new");
            index.deleteKindExcept("city", "new");
            index.refresh();
            assertEquals(2, index.documents(), "city 2 is gone, city 1 and the person stay");
        }
    }
}
