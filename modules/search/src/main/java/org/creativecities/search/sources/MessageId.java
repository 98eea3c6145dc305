package org.creativecities.search.sources;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A message's id in the index: its room and its number there, written {@code <room>-<seq>}. */
record MessageId(long room, long seq) {

    private static final Pattern FORM = Pattern.compile("(\\d{1,18})-(\\d{1,18})");

    static Optional<MessageId> parse(String id) {
        Matcher m = FORM.matcher(id == null ? "" : id);
        return m.matches() ? Optional.of(new MessageId(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))))
                : Optional.empty();
    }

    @Override
    public String toString() {
        return room + "-" + seq;
    }
}
