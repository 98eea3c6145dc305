package org.creativecities.core.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.creativecities.core.platform.web.ClientAddress;

class TokensAndLimitsTest {

    @Test
    void tokensCarryAtLeast128RandomBitsAndAreStoredAsSha256() {
        String t1 = Tokens.newToken();
        String t2 = Tokens.newToken();
        assertNotEquals(t1, t2);
        assertTrue(Base64.getUrlDecoder().decode(t1).length * 8 >= 128);
        assertEquals(64, Tokens.hash(t1).length());
        assertEquals(Tokens.hash(t1), Tokens.hash(t1));
        assertNotEquals(Tokens.hash(t1), Tokens.hash(t2));
    }

    @Test
    void bucketAllowsCapacityThenAsksToWait() {
        RateLimiter limiter = new RateLimiter(6, Duration.ofMinutes(1));
        for (int i = 0; i < 6; i++) {
            assertTrue(limiter.tryAcquire("10.0.0.1").isEmpty(), "attempt " + (i + 1));
        }
        Optional<Duration> wait = limiter.tryAcquire("10.0.0.1");
        assertTrue(wait.isPresent());
        assertTrue(wait.get().compareTo(Duration.ofSeconds(11)) < 0 && wait.get().toMillis() > 0, wait.get().toString());
        assertTrue(limiter.tryAcquire("10.0.0.2").isEmpty(), "another address has its own bucket");
    }

    @Test
    void forwardedForIsBelievedOnlyFromTrustedProxies() {
        List<String> trusted = List.of("127.0.0.1");
        assertEquals("203.0.113.9",
                ClientAddress.resolve("127.0.0.1", "203.0.113.9", trusted));
        assertEquals("198.51.100.4",
                ClientAddress.resolve("198.51.100.4", "203.0.113.9", trusted));
        assertEquals("203.0.113.9", ClientAddress.resolve("127.0.0.1",
                "1.2.3.4, 203.0.113.9, 127.0.0.1", trusted), "the right-most untrusted hop counts");
        assertEquals("127.0.0.1", ClientAddress.resolve("127.0.0.1", null, trusted));
    }
}
