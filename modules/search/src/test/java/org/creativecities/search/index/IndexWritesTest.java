package org.creativecities.search.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.creativecities.search.SearchDocument;
import org.creativecities.search.SearchSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexWritesTest {

    @TempDir
    Path folder;

    private final IndexWrites writes = new IndexWrites(new IndexBookkeeping(), () -> { });

    /**
     * CI once stopped a server the moment its status said "durable", while the commit that status counted on was
     * still being written: the commit had taken the changed kinds off the list before writing, so the next start
     * found them stale and rebuilt them. A kind stays uncommitted until its commit is written.
     */
    @Test
    void aKindIsUncommittedUntilTheCommitThatTookItIsWritten() throws IOException {
        try (SearchIndex index = SearchIndex.open(folder, new SearchAnalyzer())) {
            writes.apply(index, "city", new Cities(), Set.of("lyon"));
            assertTrue(writes.hasUncommitted());

            assertEquals(List.of("city"), writes.takeUncommitted());
            assertTrue(writes.hasUncommitted(), "taken for a commit that is not written yet");
            assertEquals(Set.of("city"), writes.uncommitted());
            assertEquals(List.of(), writes.takeUncommitted(), "not taken twice");

            writes.committed();
            assertFalse(writes.hasUncommitted());
            assertEquals(Set.of(), writes.uncommitted());
        }
    }

    @Test
    void aCommitThatFailedLeavesItsKindsUncommitted() throws IOException {
        try (SearchIndex index = SearchIndex.open(folder, new SearchAnalyzer())) {
            writes.apply(index, "city", new Cities(), Set.of("lyon"));
            writes.takeUncommitted();
            writes.commitFailed();
            assertTrue(writes.hasUncommitted());
            assertEquals(List.of("city"), writes.takeUncommitted(), "taken again by the next commit");
        }
    }

    /** One city, Lyon. */
    private static final class Cities implements SearchSource {
        @Override
        public String kind() {
            return "city";
        }

        @Override
        public void documents(Consumer<SearchDocument> sink) {
            sink.accept(lyon());
        }

        @Override
        public Optional<SearchDocument> document(String id) {
            return "lyon".equals(id) ? Optional.of(lyon()) : Optional.empty();
        }

        @Override
        public String version() {
            return "1";
        }

        @Override
        public Set<String> audience(Optional<Long> accountId) {
            return Set.of("public");
        }

        private static SearchDocument lyon() {
            return new SearchDocument("city", "lyon", "Lyon", "Media Arts", "/cities/lyon", Set.of(), Set.of(),
                    Set.of("public"), Instant.EPOCH);
        }
    }
}
