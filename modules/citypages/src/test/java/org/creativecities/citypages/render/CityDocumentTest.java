package org.creativecities.citypages.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;
import org.creativecities.citypages.app.BrandDtos.BrandView;
import org.creativecities.citypages.app.BrandDtos.DescriptionView;
import org.creativecities.core.city.City;
import org.creativecities.core.city.Country;
import org.junit.jupiter.api.Test;

class CityDocumentTest {

    private static final City LYON = new City("lyon", "Lyon", new Country("FR", "France"), OffsetDateTime.now());

    private static BrandView page(String language, String html) {
        DescriptionView d = new DescriptionView(language, "", html);
        return new BrandView("lyon", "Lyon", 1, null, null, language, d, List.of(d), null, null, List.of(), List.of());
    }

    @Test
    void theMetaDescriptionIsTheTextOfTheDescriptionShortened() {
        assertEquals("Une ville de mer. Et de lumière.",
                CityDocument.summary(LYON, page("fr", "<p>Une ville de <strong>mer</strong>.</p><p>Et de lumière.</p>")));
        String longText = CityDocument.summary(LYON, page("en", "<p>" + "word ".repeat(100) + "</p>"));
        assertTrue(longText.length() <= CityDocument.DESCRIPTION_LENGTH + 1 && longText.endsWith("…"), longText);
        assertEquals("Lyon (France) in the Creative Cities Commons.", CityDocument.summary(LYON,
                new BrandView("lyon", "Lyon", 0, null, null, null, null, List.of(), null, null, List.of(),
                        List.of())));
    }

    @Test
    void nothingWrittenInADescriptionEndsTheJsonLdEarly() {
        String head = CityDocument.head(LYON, page("en", "<p>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; "
                + "&lt;!--</p>"), "https://example.org");
        assertEquals(1, head.split("</script>", -1).length - 1, head);
        assertFalse(head.contains("<!--"), head);
        assertTrue(head.contains("\\u003c/script\\u003e"), head);
    }
}
