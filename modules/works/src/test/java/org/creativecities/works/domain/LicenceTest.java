package org.creativecities.works.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LicenceTest {

    @Test
    void idsAreSpdxAndCaseInsensitive() {
        assertEquals(Optional.of(Licence.CC_BY_SA), Licence.of("cc-by-sa-4.0"));
        assertEquals(Optional.of(Licence.ALL_RIGHTS_RESERVED), Licence.of("all-rights-reserved"));
        assertEquals(Optional.empty(), Licence.of("GPL-3.0"));
        assertEquals(Licence.CC_BY_SA, Licence.DEFAULT);
    }

    @Test
    void adaptationsFollowCreativeCommonsCompatibility() {
        assertEquals(EnumSet.allOf(Licence.class), Licence.CC0.adaptationsMayUse());
        assertEquals(EnumSet.of(Licence.CC_BY_SA), Licence.CC_BY_SA.adaptationsMayUse());
        assertEquals(EnumSet.of(Licence.CC_BY_NC), Licence.CC_BY_NC.adaptationsMayUse());
        assertFalse(Licence.CC_BY.adaptationsMayUse().contains(Licence.CC0));
        assertTrue(Licence.CC_BY.adaptationsMayUse().contains(Licence.CC_BY_NC));
        assertTrue(Licence.ALL_RIGHTS_RESERVED.adaptationsMayUse().isEmpty());
        assertFalse(Licence.ALL_RIGHTS_RESERVED.allowsDerivatives());
        assertFalse(Licence.ALL_RIGHTS_RESERVED.publishable());
        assertTrue(Licence.CC_BY_SA.adaptationRefusal(Licence.CC_BY).orElseThrow().contains("ShareAlike"));
        assertEquals(Optional.empty(), Licence.CC_BY_SA.adaptationRefusal(Licence.CC_BY_SA));
        for (Licence source : Licence.values()) {
            if (source.allowsDerivatives()) {
                assertTrue(source.adaptationsMayUse().contains(source.defaultForAdaptation()), source.name());
            }
        }
    }
}
