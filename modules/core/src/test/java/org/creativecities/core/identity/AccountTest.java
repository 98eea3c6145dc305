package org.creativecities.core.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AccountTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 23, 12, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void emailsCompareWithoutCaseOrSpace() {
        Account a = new Account("  Ana.Silva@Example.ORG ", "Ana", "hash", false, NOW);
        assertEquals("Ana.Silva@Example.ORG", a.email());
        assertEquals("ana.silva@example.org", Account.normalize("ANA.SILVA@example.org "));
    }
}
