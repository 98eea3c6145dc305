package org.creativecities.notifications.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.creativecities.notifications.domain.Notification;
import org.creativecities.notifications.domain.NotificationKind;

/**
 * The words of notification mails in one language, read from {@code mail-texts_<lang>.properties} beside this class
 * (English and French). {@code {name}} placeholders are replaced by the values given, nothing else is interpreted.
 */
final class MailTexts {

    /** Times in mails are given in UTC: the recipient's zone is not known to the server. */
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");
    private static final Map<String, MailTexts> LANGUAGES = Map.of("en", load("en"), "fr", load("fr"));

    private final String language;
    private final Properties words;

    private MailTexts(String language, Properties words) {
        this.language = language;
        this.words = words;
    }

    /** The texts of a language ("en", "fr"); English for any other. */
    static MailTexts of(String language) {
        return LANGUAGES.getOrDefault(language, LANGUAGES.get("en"));
    }

    /**
     * The language of someone's mail: the one they chose, else French when their profile's languages include French
     * and not English, else English.
     */
    static MailTexts forRecipient(Optional<String> chosen, Collection<String> profileLanguages) {
        if (chosen.isPresent()) {
            return of(chosen.get());
        }
        boolean english = profileLanguages.stream().anyMatch(l -> l.startsWith("en"));
        boolean french = profileLanguages.stream().anyMatch(l -> l.startsWith("fr"));
        return of(french && !english ? "fr" : "en");
    }

    String language() {
        return language;
    }

    String prefix() {
        return words.getProperty("prefix");
    }

    /** One line saying what happened. */
    String line(Notification n) {
        String actor = n.actorName().orElse(word("someone"));
        String room = n.roomName().map(this::quoted).orElse(word("aRoom"));
        String work = n.workTitle().map(this::quoted).orElse(word("yourWork"));
        String city = n.citySlug().orElse(word("aCity"));
        String key = n.kind() == NotificationKind.MODERATION ? "moderation-line" : n.kind().apiName();
        String fallback = n.kind() == NotificationKind.MODERATION ? word("moderation") : word("answered");
        String detail = n.detail().map(d -> words.getProperty("detail." + d, d)).orElse(fallback);
        String event = n.eventTitle().map(this::quoted).orElse(word("anEvent"));
        String start = n.eventStart().map(s -> s.withOffsetSameInstant(ZoneOffset.UTC).format(AT)).orElse(word("soon"));
        String project = n.projectTitle().map(this::quoted).orElse(word("aProject"));
        String title = n.announcementTitle().map(this::quoted).orElse("");
        return fill(key, Map.of("actor", actor, "room", room, "work", work, "city", city, "detail", detail,
                "event", event, "start", start, "project", project, "title", title));
    }

    String body(Notification n) {
        return line(n) + n.excerpt().map(e -> word("colon") + "\n\n  " + e.replace("\n", "\n  ")).orElse(".");
    }

    String footer(String baseUrl, String unsubscribe) {
        return fill("footer", Map.of("base", baseUrl, "unsubscribe", unsubscribe));
    }

    String digestSubject(String frequency, int count) {
        return fill("digest.subject", Map.of("frequency", word("digest." + frequency), "count", format(count)));
    }

    String digestIntro(String frequency, int count) {
        return fill(count == 1 ? "digest.intro.one" : "digest.intro.other",
                Map.of("frequency", word("digest." + frequency), "count", format(count)));
    }

    private String quoted(String text) {
        return fill("quoted", Map.of("text", text));
    }

    private String word(String key) {
        return words.getProperty(key, key);
    }

    private String format(int count) {
        return String.format(Locale.forLanguageTag(language), "%d", count);
    }

    private String fill(String key, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(word(key));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), m.group())));
        }
        return m.appendTail(out).toString();
    }

    private static MailTexts load(String language) {
        Properties p = new Properties();
        try (InputStream in = MailTexts.class.getResourceAsStream("mail-texts_" + language + ".properties")) {
            if (in == null) {
                throw new IllegalStateException("mail-texts_" + language + ".properties is missing");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new MailTexts(language, p);
    }
}
