package org.creativecities.core.live;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bucket4j.Bucket;
import org.junit.jupiter.api.Test;

class RateLimitTest {

    @Test
    void aConnectionsBucketAllowsItsCapacityAtOnceAndThenRefuses() {
        Bucket bucket = Connection.bucket(5);
        for (int i = 0; i < 5; i++) {
            assertTrue(bucket.tryConsume(1), "frame " + i);
        }
        assertFalse(bucket.tryConsume(1));
    }
}
