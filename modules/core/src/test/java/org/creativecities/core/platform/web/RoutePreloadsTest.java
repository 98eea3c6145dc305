package org.creativecities.core.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A route's address is matched on the server as ui/core/router.js matches it in the browser. */
class RoutePreloadsTest {

    @Test
    void aParameterIsOneSegmentAndATrailingSlashIsAllowed() {
        Pattern city = RoutePreloads.address("/cities/:slug");
        Matcher m = city.matcher("/cities/lyon");
        assertTrue(m.matches());
        assertEquals("lyon", m.group("slug"));
        assertTrue(city.matcher("/cities/lyon/").matches());
        assertFalse(city.matcher("/cities/lyon/modules/quiz").matches());
        assertFalse(city.matcher("/cities").matches());
        assertFalse(city.matcher("/cities/").matches());
    }

    @Test
    void theRestOfTheAddressIsLiteral() {
        assertTrue(RoutePreloads.address("/").matcher("/").matches());
        assertFalse(RoutePreloads.address("/").matcher("/x").matches());
        assertFalse(RoutePreloads.address("/works/new").matcher("/worksxnew").matches());
        Matcher m = RoutePreloads.address("/cities/:slug/modules/:pluginId").matcher("/cities/lyon/modules/quiz");
        assertTrue(m.matches());
        assertEquals("quiz", m.group("pluginId"));
    }
}
