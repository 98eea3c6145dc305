package org.creativecities.notifications.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class UnsubscribeTokensTest {

    private static final String SECRET = "a1b2c3";

    @Test
    void aSignedTokenNamesItsAccount() {
        assertEquals(Optional.of(42L), UnsubscribeTokens.verify(SECRET, UnsubscribeTokens.sign(SECRET, 42)));
    }

    @Test
    void forgedOrMalformedTokensNameNobody() {
        String token = UnsubscribeTokens.sign(SECRET, 42);
        String otherAccount = "43" + token.substring(2);
        String otherSecret = UnsubscribeTokens.sign("another", 42);
        for (String bad : new String[] {otherAccount, otherSecret, token + "x", "42", "", null, "<script>.x"}) {
            assertTrue(UnsubscribeTokens.verify(SECRET, bad).isEmpty(), String.valueOf(bad));
        }
    }
}
