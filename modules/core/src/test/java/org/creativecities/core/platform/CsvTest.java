package org.creativecities.core.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void readsQuotesCommasAndCrlf() {
        List<List<String>> rows = Csv.parse("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\r\n\r\nlast,1,2");
        assertEquals(List.of(List.of("a", "b", "c"), List.of("x, y", "say \"hi\"", ""), List.of("last", "1", "2")),
                rows);
    }

    @Test
    void refusesAnUnterminatedQuote() {
        assertThrows(IllegalArgumentException.class, () -> Csv.parse("a,\"b\r\n"));
    }

    @Test
    void theShippedSeedHasEveryDesignation() throws Exception {
        Path seed = Path.of("../../config/cities.csv");
        List<List<String>> rows = Csv.parse(Files.readString(seed, StandardCharsets.UTF_8));
        assertEquals(List.of("name", "country", "iso2", "field", "year", "lat", "lon"), rows.get(0));
        assertEquals(397, rows.size() - 1, "one row per designation");
        Set<String> cities = new HashSet<>();
        for (List<String> r : rows.subList(1, rows.size())) {
            assertEquals(7, r.size(), r.toString());
            cities.add(r.get(0) + "|" + r.get(2));
        }
        assertEquals(396, cities.size(), "Lyon has two designations");
        assertTrue(cities.contains("Granada|ES") && cities.contains("Granada|NI"));
    }
}
