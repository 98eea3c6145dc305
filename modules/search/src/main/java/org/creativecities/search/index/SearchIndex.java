package org.creativecities.search.index;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.creativecities.search.SearchDocument;

/**
 * The Lucene index on disk: one writer, near-real-time searchers that see what was written once {@link #refresh}
 * ran, and commits that carry the index's bookkeeping in their user data (its format, which source versions it was
 * built from, whether it was closed cleanly). An index that cannot be read, or is of another format, is deleted
 * and started empty: it is derived data, rebuilt from the sources.
 */
public final class SearchIndex implements Closeable {

    private static final Logger LOG = Logger.getLogger(SearchIndex.class.getName());

    /** Commit user data key: the {@link IndexFields#FORMAT} the index was written in. */
    public static final String FORMAT_KEY = "format";

    private final Path folder;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final boolean fresh;

    private SearchIndex(Path folder, Directory directory, IndexWriter writer, boolean fresh) throws IOException {
        this.folder = folder;
        this.directory = directory;
        this.writer = writer;
        this.fresh = fresh;
        this.searchers = new SearcherManager(writer, null);
    }

    /**
     * Opens the index in {@code folder}, creating it when it is missing, unreadable or of another format.
     *
     * @throws UncheckedIOException when the folder cannot be written at all
     */
    public static SearchIndex open(Path folder, Analyzer analyzer) {
        try {
            Files.createDirectories(folder);
            Directory dir = FSDirectory.open(folder);
            boolean create = true;
            if (DirectoryReader.indexExists(dir)) {
                try {
                    Map<String, String> data = SegmentInfos.readLatestCommit(dir).getUserData();
                    create = !IndexFields.FORMAT.equals(data.get(FORMAT_KEY));
                    if (create) {
                        LOG.info(() -> "Search index in " + folder + " has format " + data.get(FORMAT_KEY)
                                + ", not " + IndexFields.FORMAT + ": rebuilding it");
                    }
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.WARNING, "Search index in " + folder + " cannot be read (" + e + "): rebuilding it");
                }
            }
            if (create) {
                dir.close();
                wipe(folder);
                dir = FSDirectory.open(folder);
            }
            IndexWriterConfig config = new IndexWriterConfig(analyzer)
                    .setOpenMode(create ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND)
                    .setRAMBufferSizeMB(32);
            IndexWriter writer = new IndexWriter(dir, config);
            if (create) {
                writer.setLiveCommitData(Map.of(FORMAT_KEY, IndexFields.FORMAT).entrySet());
                writer.commit();
            }
            return new SearchIndex(folder, dir, writer, create);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index in " + folder + ": " + e.getMessage(), e);
        }
    }

    private static void wipe(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(folder)) {
                    Files.delete(p);
                }
            }
        }
    }

    /** Whether the index was created empty by {@link #open}. */
    public boolean isFresh() {
        return fresh;
    }

    public Path folder() {
        return folder;
    }

    /** The user data of the last commit. */
    public Map<String, String> committedData() {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(e -> data.put(e.getKey(), e.getValue()));
        }
        return data;
    }

    /** Adds or replaces a document, as written by build {@code gen}. */
    public void put(SearchDocument document, String gen) {
        io(() -> writer.updateDocument(IndexFields.key(document.kind(), document.id()),
                IndexFields.toLucene(document, gen)));
    }

    /** Removes a document, if it is there. */
    public void delete(String kind, String id) {
        io(() -> writer.deleteDocuments(IndexFields.key(kind, id)));
    }

    /** Removes every document of {@code kind} that build {@code gen} did not write. */
    public void deleteKindExcept(String kind, String gen) {
        io(() -> writer.deleteDocuments(new BooleanQuery.Builder()
                .add(new TermQuery(new Term(IndexFields.KIND, kind)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(IndexFields.GEN, gen)), BooleanClause.Occur.MUST_NOT)
                .build()));
    }

    /** Removes every document of {@code kind}. */
    public void deleteKind(String kind) {
        io(() -> writer.deleteDocuments(new Term(IndexFields.KIND, kind)));
    }

    /** Makes what was written visible to searches (without a commit). */
    public void refresh() {
        io(searchers::maybeRefreshBlocking);
    }

    /** Makes what was written durable, with this bookkeeping (the format is added). */
    public void commit(Map<String, String> data) {
        Map<String, String> all = new HashMap<>(data);
        all.put(FORMAT_KEY, IndexFields.FORMAT);
        io(() -> {
            writer.setLiveCommitData(all.entrySet());
            writer.commit();
        });
    }

    /** Runs a search on the latest refreshed view of the index. */
    public <T> T search(Function<IndexSearcher, T> work) {
        IndexSearcher searcher = get(searchers::acquire);
        try {
            return work.apply(searcher);
        } finally {
            io(() -> searchers.release(searcher));
        }
    }

    /** How many documents the latest refreshed view holds. */
    public int documents() {
        return search(s -> s.getIndexReader().numDocs());
    }

    @Override
    public void close() throws IOException {
        try {
            searchers.close();
            writer.close();
        } finally {
            directory.close();
        }
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private interface IoSupplier<T> {
        T get() throws IOException;
    }

    private static void io(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T get(IoSupplier<T> action) {
        try {
            return action.get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
