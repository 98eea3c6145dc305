package org.creativecities.core.city;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CityTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 23, 12, 0, 0, 0, ZoneOffset.UTC);
    private final CreativeField mediaArts = new CreativeField("media-arts", "Media Arts", "d", 2004, 6);
    private final CreativeField literature = new CreativeField("literature", "Literature", "d", 2004, 5);

    @Test
    void slugsAreAsciiAndStable() {
        assertEquals("saint-etienne", City.slugOf("Saint-Étienne"));
        assertEquals("bistrita", City.slugOf("Bistrița"));
        assertEquals("ostersund", City.slugOf("Östersund"));
        assertEquals("santiago-de-cali", City.slugOf(" Santiago de Cali "));
        assertEquals("city", City.slugOf("!!!"));
    }

    @Test
    void currentFieldIsTheLatestDesignation() {
        City lyon = new City("lyon", "Lyon", new Country("FR", "France"), NOW);
        assertTrue(lyon.currentField().isEmpty());
        assertTrue(lyon.designate(literature, 2023, NOW));
        assertTrue(lyon.designate(mediaArts, 2008, NOW));
        assertEquals("literature", lyon.currentField().orElseThrow().slug());
        assertEquals(2008, lyon.joinedYear().orElseThrow());
        assertEquals(2, lyon.designations().size());
        assertEquals(2008, lyon.designations().get(0).year(), "history is in year order");
    }

    @Test
    void theSameDesignationIsNotAddedTwice() {
        City c = new City("kobe", "Kobe", new Country("JP", "Japan"), NOW);
        assertTrue(c.designate(mediaArts, 2008, NOW));
        assertFalse(c.designate(mediaArts, 2008, NOW));
        assertEquals(1, c.designations().size());
    }

    @Test
    void retiringKeepsHistoryAndCanBeUndone() {
        City c = new City("kobe", "Kobe", new Country("JP", "Japan"), NOW);
        c.designate(mediaArts, 2008, NOW);
        c.retire(NOW);
        assertTrue(c.isRetired());
        assertEquals(1, c.designations().size());
        c.reinstate(NOW);
        assertFalse(c.isRetired());
    }

    @Test
    void countryCodesAreIso() {
        assertEquals("France", new Country("FR", null).name());
        assertThrows(IllegalArgumentException.class, () -> new Country("XX", "Nowhere"));
        assertThrows(IllegalArgumentException.class, () -> new Country("fr", "France"));
    }

    @Test
    void searchIgnoresAccents() {
        assertEquals("bistrita", City.fold("Bistrița"));
        assertEquals("sao paulo", City.fold("São Paulo"));
    }
}
