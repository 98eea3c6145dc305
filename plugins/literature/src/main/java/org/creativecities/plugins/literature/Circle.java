package org.creativecities.plugins.literature;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reading circle's shared state, immutable: the book, its chapters (numbered from 1) and each member's progress
 * (the last chapter they reached; 0 before the first). The threads are kept apart ({@link Post}), one per chapter;
 * who may read or post in chapter {@code n}'s thread is decided here: those whose progress is {@code n} or more.
 *
 * @param book     the book's or text's title ("" until the host names it)
 * @param chapters the chapters' titles, in order
 * @param progress account id → the member's name and reached chapter, in the order they first marked progress
 */
record Circle(String book, List<String> chapters, Map<Long, Reader> progress) {

    /** The most chapters a circle has. */
    static final int MAX_CHAPTERS = 200;

    /** The longest chapter or book title. */
    static final int MAX_TITLE = 200;

    /** The longest post in a thread. */
    static final int MAX_POST = 2000;

    /** A member's progress. */
    record Reader(String name, int chapter) {
    }

    /** One post of a chapter's thread. */
    record Post(long id, long author, String name, String text, String at) {
    }

    Circle {
        chapters = List.copyOf(chapters);
        progress = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(progress));
    }

    /** A new circle, with the chapters its creator gave (possibly none yet). */
    static Circle start(String book, List<String> chapters) {
        return new Circle(title(book == null ? "" : book, true), checked(chapters), Map.of());
    }

    /** The host sets the book and its chapters; chapters may be renamed or added, never removed once read. */
    Circle withChapters(Person actor, String newBook, List<String> newChapters) {
        if (!actor.host()) {
            throw new LiteratureRefused("not-host", "Only the circle's host sets up its chapters.");
        }
        List<String> checked = checked(newChapters);
        if (checked.isEmpty()) {
            throw new LiteratureRefused("bad-chapters", "Give at least one chapter.");
        }
        int furthest = progress.values().stream().mapToInt(Reader::chapter).max().orElse(0);
        if (checked.size() < furthest) {
            throw new LiteratureRefused("bad-chapters", "A member has reached chapter " + furthest
                    + ": keep at least " + furthest + " chapters.");
        }
        return new Circle(newBook == null ? book : title(newBook, true), checked, progress);
    }

    /** A member marks the chapter they reached (0: not started); they may also go back. */
    Circle reach(long accountId, String name, int chapter) {
        if (chapters.isEmpty()) {
            throw new LiteratureRefused("no-chapters", "The host has not set up the chapters yet.");
        }
        if (chapter < 0 || chapter > chapters.size()) {
            throw new LiteratureRefused("bad-chapter", "Chapters are numbered 1 to " + chapters.size() + ".");
        }
        Map<Long, Reader> next = new LinkedHashMap<>(progress);
        next.put(accountId, new Reader(name, chapter));
        return new Circle(book, chapters, next);
    }

    /** The chapter the member reached; 0 if they never marked any. */
    int reached(long accountId) {
        Reader r = progress.get(accountId);
        return r == null ? 0 : r.chapter();
    }

    /**
     * Refuses unless the member may see chapter {@code chapter}'s thread: the chapter exists and they reached it. The
     * one rule of spoiler safety; every read and post goes through it.
     */
    void requireReached(long accountId, int chapter) {
        if (chapter < 1 || chapter > chapters.size()) {
            throw new LiteratureRefused("bad-chapter", chapters.isEmpty() ? "The circle has no chapters yet."
                    : "Chapters are numbered 1 to " + chapters.size() + ".");
        }
        if (reached(accountId) < chapter) {
            throw new LiteratureRefused("chapter-not-reached", "Chapter " + chapter + "'s thread opens when you "
                    + "have reached chapter " + chapter + ".");
        }
    }

    /** The members who may see chapter {@code chapter}'s thread. */
    List<Long> readersOf(int chapter) {
        List<Long> out = new ArrayList<>();
        progress.forEach((id, r) -> {
            if (r.chapter() >= chapter) {
                out.add(id);
            }
        });
        return out;
    }

    /** Checks a post's text: 1 to {@link #MAX_POST} characters once trimmed. */
    static String postText(String text) {
        if (text == null || text.isBlank()) {
            throw new LiteratureRefused("bad-text", "Write something first.");
        }
        String t = text.strip();
        if (t.length() > MAX_POST) {
            throw new LiteratureRefused("bad-text", "A post is at most " + MAX_POST + " characters.");
        }
        return t;
    }

    private static List<String> checked(List<String> titles) {
        if (titles == null) {
            return List.of();
        }
        if (titles.size() > MAX_CHAPTERS) {
            throw new LiteratureRefused("bad-chapters", "At most " + MAX_CHAPTERS + " chapters.");
        }
        return titles.stream().map(t -> title(t, false)).toList();
    }

    private static String title(String title, boolean mayBeEmpty) {
        String t = title == null ? "" : title.strip();
        if (t.isEmpty() && !mayBeEmpty) {
            throw new LiteratureRefused("bad-chapters", "Every chapter needs a title.");
        }
        if (t.length() > MAX_TITLE || t.contains("\n")) {
            throw new LiteratureRefused("bad-chapters", "A title is one line of at most " + MAX_TITLE
                    + " characters.");
        }
        return t;
    }
}
