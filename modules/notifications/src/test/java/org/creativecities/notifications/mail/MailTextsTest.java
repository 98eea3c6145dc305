package org.creativecities.notifications.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.creativecities.notifications.domain.Notification;
import org.creativecities.notifications.domain.NotificationKind;
import org.junit.jupiter.api.Test;

class MailTextsTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-05T08:00:00Z");

    private static Notification mention() {
        return Notification.aboutRoom(7L, NotificationKind.MENTION, 3L, "Nia", 11L, "general", 4L, null,
                "Hello {actor} $1 \\ you", NOW);
    }

    @Test
    void theLanguageIsTheChosenOneElseFrenchForAProfileThatSpeaksFrenchAndNotEnglish() {
        assertEquals("fr", MailTexts.forRecipient(Optional.of("fr"), Set.of("en")).language());
        assertEquals("en", MailTexts.forRecipient(Optional.of("en"), Set.of("fr")).language());
        assertEquals("fr", MailTexts.forRecipient(Optional.empty(), Set.of("fr-CA", "pt")).language());
        assertEquals("en", MailTexts.forRecipient(Optional.empty(), Set.of("en", "fr")).language());
        assertEquals("en", MailTexts.forRecipient(Optional.empty(), List.of()).language());
        assertEquals("en", MailTexts.of("de").language());
    }

    @Test
    void everyKindHasItsFrenchLineWithNoPlaceholderLeft() {
        MailTexts fr = MailTexts.of("fr");
        assertEquals("Nia vous a mentionné dans « general »", fr.line(mention()));
        assertEquals("Nia vous a mentionné dans « general »\u00a0:\n\n  Hello {actor} $1 \\ you", fr.body(mention()));
        assertEquals("Votre demande pour rejoindre lyon a été acceptée", fr.line(Notification.aboutCity(7L,
                NotificationKind.JOIN_ANSWER, null, null, "lyon", "approved", NOW)));
        assertEquals("Lou vous invite à rejoindre « Rivières »", fr.line(Notification.aboutProject(7L,
                NotificationKind.PROJECT_INVITATION, 3L, "Lou", 5L, "Rivières", null, NOW)));
        assertEquals("Dana declined your invitation to \"Rivers\"", MailTexts.of("en").line(
                Notification.aboutProject(7L, NotificationKind.PROJECT_INVITATION_ANSWER, 4L, "Dana", 5L, "Rivers",
                        "refused", NOW)));
        assertEquals("Votre résumé hebdomadaire : 2 notifications.", fr.digestIntro("weekly", 2));
        assertEquals("Votre résumé quotidien (1)", fr.digestSubject("daily", 1));
        for (NotificationKind kind : NotificationKind.values()) {
            String line = fr.line(Notification.aboutCity(7L, kind, 3L, "Nia", "lyon", null, NOW));
            assertFalse(line.contains("{"), kind + ": " + line);
            assertFalse(line.equals(MailTexts.of("en").line(Notification.aboutCity(7L, kind, 3L, "Nia", "lyon",
                    null, NOW))), kind + " is translated");
        }
        assertTrue(fr.footer("https://c.example", "https://c.example/u").contains("Se désabonner en un clic"));
    }

    @Test
    void englishStaysAsItWas() {
        MailTexts en = MailTexts.of("en");
        assertEquals("[Creative Cities Commons] ", en.prefix());
        assertEquals("Nia mentioned you in \"general\"", en.line(mention()));
        assertEquals("Your daily digest: 1 notification.", en.digestIntro("daily", 1));
        assertEquals("Your weekly digest (3)", en.digestSubject("weekly", 3));
    }
}
