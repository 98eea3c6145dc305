package org.creativecities.core.plugin;

import jakarta.json.JsonException;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.Duration;
import org.creativecities.plugin.api.timer.PluginTimers;

/** The checks on what a plugin passes to its {@link PluginTimers}; each refusal says what is wrong and why. */
final class TimerArguments {

    /** Looked up once: every {@code Json.create…} call would scan the class path (with the plugin's loader). */
    private static final JsonProvider JSON = JsonProvider.provider();

    private TimerArguments() {
    }

    static Duration atLeastMinimum(Duration minimum, Duration d, String what) {
        if (d == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        if (d.compareTo(minimum) < 0) {
            throw new IllegalArgumentException(what + " " + d + " is shorter than the minimum " + minimum
                    + " (ccc.plugins.timers.min-delay)");
        }
        return d;
    }

    static void checkName(String name) {
        if (name == null || name.isBlank() || name.length() > PluginTimers.MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("a durable timer's name has 1 to " + PluginTimers.MAX_NAME_LENGTH
                    + " characters, not all blank");
        }
    }

    static void checkPayload(String payload) {
        if (payload == null) {
            throw new IllegalArgumentException("payloadJson must not be null; use \"{}\" for none");
        }
        if (payload.length() > PluginTimers.MAX_PAYLOAD_LENGTH) {
            throw new IllegalArgumentException("payloadJson is longer than " + PluginTimers.MAX_PAYLOAD_LENGTH
                    + " characters");
        }
        try (var reader = JSON.createReader(new StringReader(payload))) {
            reader.readValue();
        } catch (JsonException e) {
            throw new IllegalArgumentException("payloadJson is not valid JSON: " + e.getMessage(), e);
        }
    }
}
