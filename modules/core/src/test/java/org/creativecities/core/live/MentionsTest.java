package org.creativecities.core.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class MentionsTest {

    @Test
    void idsAndNamesAreFound() {
        Mentions m = Mentions.in("@[42] and @Ana, see you @ben.");
        assertEquals(Set.of(42L), m.ids());
        assertEquals(Set.of("ana", "ben"), m.names());
    }

    @Test
    void emailAddressesAndLoneAtSignsAreNotMentions() {
        assertTrue(Mentions.in("write to ana@example.org @ or @@ or @[x]").isEmpty());
    }

    @Test
    void aMentionMayStartTheTextOrFollowPunctuation() {
        assertEquals(Set.of("lea", "max"), Mentions.in("@Lea,(@max)").names());
    }
}
