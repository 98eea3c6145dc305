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

    @Test
    void aMessageMentionsAtMostTwentyPeopleRepeatsCountingOnce() {
        StringBuilder text = new StringBuilder("@ana @ana @[1] @[1]");
        for (int i = 2; i < 40; i++) {
            text.append(" @[").append(i).append("] @p").append(i);
        }
        Mentions m = Mentions.in(text.toString());
        assertEquals(Mentions.MAX, m.ids().size() + m.names().size());
        assertTrue(m.names().contains("ana") && m.ids().contains(1L) && m.ids().contains(2L));
        assertTrue(!m.ids().contains(39L));
    }
}
