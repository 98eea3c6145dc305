package org.creativecities.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.creativecities.core.platform.AppConfig;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The media context's settings, read with MicroProfile Config (system properties, environment variables such as
 * {@code CCC_MEDIA_MAX_BYTES_IMAGE}, or {@code config/application.properties}); each has a default, documented in
 * {@code docs/admin-guide.md} ("Media"). Read once: the configuration does not change while the server runs. A
 * value that cannot be read stops the context at its first use with a message naming the key.
 */
@ApplicationScoped
public class MediaConfig {

    /** Where the files are stored; default {@code <ccc.data.dir>/media}. */
    public static final String DIR = "ccc.media.dir";
    /** Prefix of the per-kind size limits, in bytes: {@code ccc.media.max-bytes.image} and so on. */
    public static final String MAX_BYTES = "ccc.media.max-bytes.";
    /** The bytes one account may keep stored, all its media together. */
    public static final String QUOTA = "ccc.media.quota-per-account";
    /** The bytes one plugin may keep stored through the plugin API's {@code PluginFiles} (since plugin API 1.3). */
    public static final String QUOTA_PER_PLUGIN = "ccc.media.quota-per-plugin";
    /** Uploads one account may make per {@link #RATE_PERIOD}. */
    public static final String RATE_UPLOADS = "ccc.media.rate.uploads";
    public static final String RATE_PERIOD = "ccc.media.rate.period";
    /** The largest image accepted, in pixels (width times height): decoding is bounded before it starts. */
    public static final String MAX_PIXELS = "ccc.media.max-pixels";
    /** The widths of an image's thumbnails, comma-separated. */
    public static final String THUMBNAIL_WIDTHS = "ccc.media.thumbnail-widths";

    private static final long MB = 1024L * 1024L;
    private static final Map<MediaKind, Long> DEFAULT_MAX = Map.of(MediaKind.IMAGE, 10 * MB, MediaKind.AUDIO, 50 * MB,
            MediaKind.VIDEO, 200 * MB, MediaKind.DOCUMENT, 20 * MB);

    private final Config config = ConfigProvider.getConfig();

    @Inject
    private AppConfig core;

    private volatile Settings settings;

    /** Everything, parsed once. */
    private record Settings(Path dir, Map<MediaKind, Long> maxBytes, long quota, long pluginQuota, long rateUploads,
                            Duration ratePeriod, long maxPixels, List<Integer> thumbnailWidths) {
    }

    private Settings settings() {
        Settings s = settings;
        if (s == null) {
            Map<MediaKind, Long> max = new EnumMap<>(MediaKind.class);
            for (MediaKind kind : MediaKind.values()) {
                max.put(kind, positiveLong(MAX_BYTES + kind.key(), DEFAULT_MAX.get(kind)));
            }
            Path dir = text(DIR).map(Path::of).orElseGet(() -> core.dataDir().resolve("media"));
            s = new Settings(dir.toAbsolutePath().normalize(), Map.copyOf(max), positiveLong(QUOTA, 500 * MB),
                    positiveLong(QUOTA_PER_PLUGIN, 2048 * MB),
                    positiveLong(RATE_UPLOADS, 60), duration(RATE_PERIOD, Duration.ofHours(1)),
                    positiveLong(MAX_PIXELS, 50_000_000L), widths());
            settings = s;
        }
        return s;
    }

    public Path dir() {
        return settings().dir();
    }

    public long maxBytes(MediaKind kind) {
        return settings().maxBytes().get(kind);
    }

    /** The largest of the per-kind limits: no upload body may be larger. */
    public long largestMaxBytes() {
        return settings().maxBytes().values().stream().mapToLong(Long::longValue).max().orElseThrow();
    }

    public long quotaPerAccount() {
        return settings().quota();
    }

    /** The quota of an owner: an account's or a plugin's. */
    public long quota(MediaOwner owner) {
        return owner.isPlugin() ? settings().pluginQuota() : settings().quota();
    }

    public long rateUploads() {
        return settings().rateUploads();
    }

    public Duration ratePeriod() {
        return settings().ratePeriod();
    }

    public long maxPixels() {
        return settings().maxPixels();
    }

    /** The thumbnail widths, ascending. */
    public List<Integer> thumbnailWidths() {
        return settings().thumbnailWidths();
    }

    private Optional<String> text(String key) {
        return config.getOptionalValue(key, String.class).map(String::strip).filter(v -> !v.isEmpty());
    }

    private long positiveLong(String key, long fallback) {
        Optional<String> value = text(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(value.get());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException(key + " must be a positive whole number, not '" + value.get() + "'.");
    }

    private Duration duration(String key, Duration fallback) {
        Optional<String> value = text(key);
        try {
            Duration d = value.map(Duration::parse).orElse(fallback);
            if (!d.isNegative() && !d.isZero()) {
                return d;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new IllegalStateException(key + " must be a positive ISO-8601 duration such as PT1H, not '"
                + value.orElse("") + "'.");
    }

    private List<Integer> widths() {
        String value = text(THUMBNAIL_WIDTHS).orElse("320,640,1280");
        try {
            List<Integer> widths = Arrays.stream(value.split(",")).map(String::strip).map(Integer::valueOf)
                    .sorted().distinct().toList();
            if (!widths.isEmpty() && widths.get(0) >= 16 && widths.get(widths.size() - 1) <= 8192) {
                return widths;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException(THUMBNAIL_WIDTHS + " must be widths between 16 and 8192 separated by commas, "
                + "not '" + value + "'.");
    }
}
