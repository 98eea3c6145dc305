package org.creativecities.core.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SharedDatabaseTest {

    @Test
    void anEmbeddedH2FileOrMemoryDatabaseHasOneNode() {
        assertTrue(SharedDatabase.isEmbeddedH2("jdbc:h2:async:./data/ccc;WRITE_DELAY=0;DB_CLOSE_DELAY=-1"));
        assertTrue(SharedDatabase.isEmbeddedH2("jdbc:h2:file:/srv/ccc/data/ccc"));
        assertTrue(SharedDatabase.isEmbeddedH2("jdbc:h2:mem:test"));
    }

    @Test
    void aDatabaseServerMayBeShared() {
        assertFalse(SharedDatabase.isEmbeddedH2("jdbc:postgresql://db:5432/ccc"));
        assertFalse(SharedDatabase.isEmbeddedH2("jdbc:h2:tcp://db:9092/ccc"));
        assertFalse(SharedDatabase.isEmbeddedH2("jdbc:h2:file:./data/ccc;AUTO_SERVER=TRUE"));
    }

    @Test
    void lockKeysAreStableAndDistinct() {
        assertEquals(SharedDatabase.key("start-up"), SharedDatabase.key("start-up"));
        assertNotEquals(SharedDatabase.key("start-up"), SharedDatabase.key("media.store"));
    }
}
