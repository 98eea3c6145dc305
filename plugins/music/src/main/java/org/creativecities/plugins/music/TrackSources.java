package org.creativecities.plugins.music;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.creativecities.plugin.api.PluginFile;
import org.creativecities.plugin.api.PluginFiles;
import org.creativecities.plugin.api.PluginSettings;

/**
 * Turns the payload of an {@code add} action into a track to queue, or refuses it: a track is either a URL on a
 * host the city allows (the {@code allowed-hosts} setting, which coordinators change for their city) or an audio
 * file in the media store, named by its media id. Its length comes from the file when the plugin measured it on
 * upload ({@link FileDurations}), else from the person adding it, and must be within the {@code max-track-seconds}
 * setting.
 */
final class TrackSources {

    /** Longest URL accepted, in characters. */
    static final int MAX_URL = 2000;

    /** What to queue, once checked. */
    record Source(String title, String url, String mediaId, long durationMs) {
    }

    private final Function<Optional<String>, PluginSettings> settings;
    private final Supplier<PluginFiles> files;
    private final FileDurations durations;

    /**
     * @param settings  the settings that apply in a city (empty: network-wide)
     * @param files     the media store, looked up on each use
     * @param durations the lengths measured on upload
     */
    TrackSources(Function<Optional<String>, PluginSettings> settings, Supplier<PluginFiles> files,
                 FileDurations durations) {
        this.settings = settings;
        this.files = files;
        this.durations = durations;
    }

    /** Checks an {@code add} payload: {@code title} and either {@code url} or {@code mediaId}, and {@code durationMs}. */
    Source check(Optional<String> city, JsonObject payload) {
        PluginSettings s = settings.apply(city);
        String title = string(payload, "title").map(String::strip).orElse("");
        if (title.isEmpty() || title.length() > Track.MAX_TITLE) {
            throw new QueueRefused("bad-title", "A track needs a title of 1 to " + Track.MAX_TITLE + " characters.");
        }
        Optional<String> url = string(payload, "url");
        Optional<String> mediaId = string(payload, "mediaId");
        if (url.isPresent() == mediaId.isPresent()) {
            throw new QueueRefused("bad-source", "Give either 'url' (a link) or 'mediaId' (an uploaded file).");
        }
        OptionalLong given = durationArg(payload);
        long maxMs = s.getInteger(MusicModule.MAX_TRACK_SECONDS) * 1000;
        if (url.isPresent()) {
            String checked = checkUrl(url.get(), s.getList(MusicModule.ALLOWED_HOSTS));
            return new Source(title, checked, null, checkDuration(given, maxMs));
        }
        PluginFile file = files.get().find(mediaId.get()).orElseThrow(() -> new QueueRefused("unknown-file",
                "No uploaded file " + mediaId.get() + "."));
        if (!"audio".equals(file.kind())) {
            throw new QueueRefused("not-audio", "Only audio files can be queued; this one is " + file.kind() + ".");
        }
        OptionalLong measured = durations.find(file.id());
        return new Source(title, file.url(), file.id(), checkDuration(measured.isPresent() ? measured : given, maxMs));
    }

    /** The URL, if it is http(s) on an allowed host (or a subdomain of one). */
    static String checkUrl(String text, List<String> allowedHosts) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new QueueRefused("bad-url", "'" + abbreviate(text) + "' is not a web address.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (text.length() > MAX_URL || !(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null
                || uri.getRawUserInfo() != null) {
            throw new QueueRefused("bad-url", "A track's link is an http or https address of at most " + MAX_URL
                    + " characters, without a user name.");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        boolean allowed = allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT))
                .anyMatch(h -> host.equals(h) || host.endsWith("." + h));
        if (!allowed) {
            throw new QueueRefused("host-not-allowed", "Links to " + host + " are not allowed in this city"
                    + (allowedHosts.isEmpty() ? "; upload the file instead." : "; allowed: "
                    + String.join(", ", allowedHosts) + "."));
        }
        return uri.toString();
    }

    private static long checkDuration(OptionalLong durationMs, long maxMs) {
        if (durationMs.isEmpty()) {
            throw new QueueRefused("bad-duration", "Say how long the track is: 'durationMs', a whole number of "
                    + "milliseconds.");
        }
        long d = durationMs.getAsLong();
        if (d < 1000 || d > maxMs) {
            throw new QueueRefused("bad-duration", "A track lasts from 1 second to " + maxMs / 1000
                    + " seconds here.");
        }
        return d;
    }

    private static OptionalLong durationArg(JsonObject payload) {
        JsonValue v = payload.get("durationMs");
        if (v instanceof jakarta.json.JsonNumber n && n.isIntegral()) {
            return OptionalLong.of(n.longValue());
        }
        if (v != null && v.getValueType() != JsonValue.ValueType.NULL) {
            throw new QueueRefused("bad-duration", "'durationMs' must be a whole number of milliseconds.");
        }
        return OptionalLong.empty();
    }

    private static Optional<String> string(JsonObject payload, String key) {
        return payload.get(key) instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
