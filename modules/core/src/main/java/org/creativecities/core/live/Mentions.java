package org.creativecities.core.live;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds mentions in message text. Two forms: {@code @[42]} names account 42 (any display name, the form a
 * client's autocomplete writes); {@code @Name} names the person whose display name is exactly {@code Name},
 * ignoring case (names without spaces only). A mention must start the text or follow a space or punctuation,
 * so e-mail addresses are not mentions. A message mentions at most {@link #MAX} people (different ids and names,
 * in order of appearance); further mentions are plain text and notify no one.
 *
 * @param ids   the account ids named with {@code @[id]}
 * @param names the display names named with {@code @Name}, lower-cased
 */
record Mentions(Set<Long> ids, Set<String> names) {

    private static final Pattern MENTION = Pattern.compile(
            "(?<![\\p{L}\\p{N}_.@])@(?:\\[(\\d{1,18})\\]|([\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,79}))");

    /** Most mentions found in one message. */
    static final int MAX = 20;

    static Mentions in(String text) {
        Set<Long> ids = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        Matcher m = MENTION.matcher(text);
        while (ids.size() + names.size() < MAX && m.find()) {
            if (m.group(1) != null) {
                ids.add(Long.parseLong(m.group(1)));
            } else {
                names.add(m.group(2).replaceAll("[._-]+$", "").toLowerCase(Locale.ROOT));
            }
        }
        return new Mentions(Set.copyOf(ids), Set.copyOf(names));
    }

    boolean isEmpty() {
        return ids.isEmpty() && names.isEmpty();
    }
}
