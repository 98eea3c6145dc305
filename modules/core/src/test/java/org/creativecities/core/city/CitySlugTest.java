package org.creativecities.core.city;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The slug rule of the in-memory import: the same as for cities created through the API. */
class CitySlugTest {

    @Test
    void aFreeNameSlugIsUsedAsItIs() {
        assertEquals("saint-etienne", City.uniqueSlug("Saint-Étienne", "FR", Set.of("lyon")::contains));
    }

    @Test
    void aTakenSlugGetsTheCountryThenANumber() {
        assertEquals("valencia-es", City.uniqueSlug("Valencia", "ES", Set.of("valencia")::contains));
        assertEquals("valencia-es-2", City.uniqueSlug("Valencia", "ES",
                Set.of("valencia", "valencia-es")::contains));
        assertEquals("valencia-es-3", City.uniqueSlug("Valencia", "ES",
                Set.of("valencia", "valencia-es", "valencia-es-2")::contains));
    }
}
