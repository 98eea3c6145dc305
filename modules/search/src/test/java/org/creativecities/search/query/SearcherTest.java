package org.creativecities.search.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.search.Query;

import org.creativecities.search.SearchDocument;
import org.creativecities.search.SearchSource;
import org.creativecities.search.index.SearchAnalyzer;
import org.creativecities.search.index.SearchIndex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearcherTest {

    @TempDir
    Path folder;

    private SearchIndex index;
    private final SearchAnalyzer analyzer = new SearchAnalyzer();
    private final TextQueries text = new TextQueries(analyzer);
    private final Searcher searcher = new Searcher(analyzer);
    private final Map<String, SearchSource.Audience> everyone = new LinkedHashMap<>();

    @BeforeEach
    void fill() {
        index = SearchIndex.open(folder, analyzer);
        put("city", "lyon", "Lyon", "France. Creative City of Media Arts, 2008", Set.of("media-arts"), Set.of("lyon"),
                Set.of("public"), 1);
        put("work", "1", "Songs of the river", "A collection of songs recorded in Lyon", Set.of("music"),
                Set.of("lyon"), Set.of("public"), 2);
        put("message", "7-1", "Ana · general", "Le théâtre <b>d'été</b> & la fête", Set.of(), Set.of("lyon"),
                Set.of("space:1", "room:7"), 3);
        put("message", "8-1", "Ben · inner", "secret theatre plans", Set.of(), Set.of("tartu"),
                Set.of("members:city:tartu", "space:2", "room:8"), 4);
        index.refresh();
        everyone.put("city", new SearchSource.Audience(Set.of("public"), Set.of()));
        everyone.put("work", new SearchSource.Audience(Set.of("public"), Set.of()));
        everyone.put("message", new SearchSource.Audience(Set.of("space:1"), Set.of()));
    }

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    private void put(String kind, String id, String title, String body, Set<String> fields, Set<String> cities,
                     Set<String> audience, long day) {
        index.put(new SearchDocument(kind, id, title, body, "/" + kind + "/" + id, fields, cities, audience,
                Instant.ofEpochSecond(day * 86_400)), "g1");
    }

    private SearchResults search(String q, Map<String, SearchSource.Audience> audiences, Optional<String> kind,
                                   Optional<String> field, Optional<String> city, int page, int size) {
        Query filter = Filters.all(Filters.visibleTo(audiences), kind, field, city);
        Query parsed = q == null ? null : text.parse(q);
        return index.search(s -> searcher.search(s, parsed, filter, page, size));
    }

    private List<String> ids(String q) {
        return search(q, everyone, Optional.empty(), Optional.empty(), Optional.empty(), 1, 20).items().stream()
                .map(h -> h.kind() + ":" + h.id()).toList();
    }

    @Test
    void aMatchInTheTitleRanksAboveOneInTheText() {
        assertEquals(List.of("city:lyon", "work:1"), ids("LYON"));
    }

    @Test
    void everyWordMustMatchUnlessOrIsAsked() {
        assertEquals(List.of("work:1"), ids("songs lyon"));
        assertEquals(List.of("city:lyon", "work:1"), ids("lyon | river"));
        assertEquals(List.of("city:lyon"), ids("lyon -songs"));
    }

    @Test
    void phrasesAndPrefixesWork() {
        assertEquals(List.of("work:1"), ids("\"songs recorded\""));
        assertEquals(List.of(), ids("\"recorded songs\""));
        assertEquals(List.of("work:1"), ids("rec*"));
    }

    @Test
    void aOneLetterPrefixIsAWordAndOddSyntaxIsSafe() {
        assertEquals(List.of(), ids("l*"));
        for (String odd : List.of("\"unbalanced", "*yon", "((lyon", "lyon~2", "-", "\\", "", "+")) {
            search(odd, everyone, Optional.empty(), Optional.empty(), Optional.empty(), 1, 20);
        }
        assertEquals(List.of("city:lyon", "work:1"), ids("((lyon"));
    }

    @Test
    void snippetsAreEscapedWithOnlyMarksAdded() {
        SearchHit hit = search("theatre fete", everyone, Optional.empty(), Optional.empty(), Optional.empty(), 1, 20)
                .items().get(0);
        assertEquals("message", hit.kind());
        assertEquals("Le <mark>théâtre</mark> &lt;b&gt;d&#x27;été&lt;&#x2F;b&gt; &amp; la <mark>fête</mark>",
                hit.snippet());
    }

    @Test
    void aTitleOnlyMatchShowsTheStartOfTheTextEscaped() {
        SearchHit hit = search("ana", everyone, Optional.empty(), Optional.empty(), Optional.empty(), 1, 20)
                .items().get(0);
        assertEquals("Le théâtre &lt;b&gt;d&#x27;été&lt;&#x2F;b&gt; &amp; la fête", hit.snippet());
    }

    @Test
    void onlyWhatTheCallerMayReadIsFound() {
        assertEquals(List.of("message:7-1"), ids("theatre"));
        Map<String, SearchSource.Audience> member = new LinkedHashMap<>(everyone);
        member.put("message", new SearchSource.Audience(Set.of("space:1", "members:city:tartu"), Set.of()));
        assertEquals(2, search("theatre", member, Optional.empty(), Optional.empty(), Optional.empty(), 1, 20)
                .total());
        Map<String, SearchSource.Audience> banned = new LinkedHashMap<>(everyone);
        banned.put("message", new SearchSource.Audience(Set.of("space:1", "members:city:tartu"), Set.of("room:7")));
        assertEquals(List.of("8-1"), search("theatre", banned, Optional.empty(), Optional.empty(), Optional.empty(),
                1, 20).items().stream().map(SearchHit::id).toList());
        Map<String, SearchSource.Audience> noMessages = new LinkedHashMap<>(everyone);
        noMessages.remove("message");
        assertEquals(0, search("theatre", noMessages, Optional.empty(), Optional.empty(), Optional.empty(), 1, 20)
                .total(), "a kind the caller holds no tokens for is not found");
    }

    @Test
    void filtersByKindFieldAndCity() {
        assertEquals(List.of("work:1"), search("lyon", everyone, Optional.of("work"), Optional.empty(),
                Optional.empty(), 1, 20).items().stream().map(h -> h.kind() + ":" + h.id()).toList());
        assertEquals(List.of("city:lyon"), search("lyon", everyone, Optional.empty(), Optional.of("media-arts"),
                Optional.empty(), 1, 20).items().stream().map(h -> h.kind() + ":" + h.id()).toList());
        assertEquals(0, search("lyon", everyone, Optional.empty(), Optional.empty(), Optional.of("tartu"), 1, 20)
                .total());
    }

    @Test
    void withoutTextTheNewestComeFirstAndPagesFollow() {
        SearchResults first = search(null, everyone, Optional.empty(), Optional.empty(), Optional.empty(), 1, 2);
        assertEquals(3, first.total());
        assertEquals(List.of("7-1", "1"), first.items().stream().map(SearchHit::id).toList());
        SearchResults second = search(null, everyone, Optional.empty(), Optional.empty(), Optional.empty(), 2, 2);
        assertEquals(List.of("lyon"), second.items().stream().map(SearchHit::id).toList());
        assertFalse(second.items().get(0).fields().isEmpty());
        assertTrue(second.items().get(0).updated().isBefore(first.items().get(0).updated()));
    }
}
