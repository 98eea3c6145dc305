package org.creativecities.plugins.film;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import org.creativecities.plugin.api.PluginStorage;
import org.creativecities.plugin.api.StorageConflictException;
import org.creativecities.plugin.api.StoragePage;
import org.creativecities.plugin.api.StorageScope;
import org.creativecities.plugin.api.StoredEntry;

/**
 * The screenings of each city, kept in the plugin's storage in the city's scope under
 * {@code screening/<id>} as JSON. Thread-safe: updates use compare-and-set on the entry's version and retry.
 */
public final class Screenings {

    /** A city holds at most this many screenings and suggestions: a small catalogue, not an archive. */
    public static final int MAX_PER_CITY = 500;

    private static final String PREFIX = "screening/";
    private static final int ATTEMPTS = 5;

    private final PluginStorage storage;

    public Screenings(PluginStorage storage) {
        this.storage = storage;
    }

    /** A new id, {@code s-} and 16 hex digits. */
    static String newId() {
        return "s-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    }

    /** Whether a path segment can be a screening id (so other text never reaches storage keys). */
    static boolean isId(String text) {
        return text.matches("s-[0-9a-f]{16}");
    }

    /** The city's screenings (or suggestions), by start time, then title. */
    public List<Screening> list(String city, boolean suggested) {
        List<Screening> out = new ArrayList<>();
        String cursor = null;
        do {
            StoragePage page = storage.list(StorageScope.city(city), PREFIX, cursor, PluginStorage.MAX_PAGE);
            for (StoredEntry e : page.entries()) {
                Screening s = parse(e);
                if (s.suggested() == suggested) {
                    out.add(s);
                }
            }
            cursor = page.nextCursor().orElse(null);
        } while (cursor != null);
        out.sort(Comparator.comparing(Screening::startsAt).thenComparing(Screening::title));
        return out;
    }

    /** How many screenings and suggestions the city has. */
    public int count(String city) {
        int n = 0;
        String cursor = null;
        do {
            StoragePage page = storage.list(StorageScope.city(city), PREFIX, cursor, PluginStorage.MAX_PAGE);
            n += page.entries().size();
            cursor = page.nextCursor().orElse(null);
        } while (cursor != null);
        return n;
    }

    public Optional<Screening> find(String city, String id) {
        if (!isId(id)) {
            return Optional.empty();
        }
        return storage.get(StorageScope.city(city), PREFIX + id).map(Screenings::parse);
    }

    /** Stores a new screening; its id must be new. */
    public Screening create(Screening screening) {
        storage.compareAndSet(StorageScope.city(screening.city()), PREFIX + screening.id(), 0,
                screening.toJson().toString(), null);
        return screening;
    }

    public boolean delete(String city, String id) {
        return isId(id) && storage.delete(StorageScope.city(city), PREFIX + id);
    }

    /**
     * Applies a change to a stored screening, retrying when another writer got there first.
     *
     * @return the changed screening; empty if there is no such screening
     * @throws StorageConflictException if the entry kept changing under us
     */
    public Optional<Screening> update(String city, String id, UnaryOperator<Screening> change) {
        if (!isId(id)) {
            return Optional.empty();
        }
        StorageScope scope = StorageScope.city(city);
        for (int attempt = 1; ; attempt++) {
            Optional<StoredEntry> entry = storage.get(scope, PREFIX + id);
            if (entry.isEmpty()) {
                return Optional.empty();
            }
            Screening changed = change.apply(parse(entry.get()));
            try {
                storage.compareAndSet(scope, PREFIX + id, entry.get().version(), changed.toJson().toString(), null);
                return Optional.of(changed);
            } catch (StorageConflictException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static Screening parse(StoredEntry entry) {
        try (var reader = Json.createReader(new StringReader(entry.value()))) {
            JsonObject o = reader.readObject();
            return Screening.fromJson(o);
        }
    }
}
