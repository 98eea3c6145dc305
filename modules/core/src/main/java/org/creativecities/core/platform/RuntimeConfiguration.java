package org.creativecities.core.platform;

import java.util.ArrayList;
import java.util.List;
import org.creativecities.config.ConfigKey;
import org.creativecities.config.ValueType;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Checks, at start-up, every configuration key as the application sees it through MicroProfile Config,
 * with the same rules the launcher applies. A bad value stops start-up with a message that names the key
 * and the value (secrets are never shown).
 */
final class RuntimeConfiguration {

    private RuntimeConfiguration() {
    }

    static void validate() {
        Config config = ConfigProvider.getConfig();
        List<String> problems = new ArrayList<>();
        for (ConfigKey key : ConfigKey.values()) {
            String raw = config.getOptionalValue(key.key(), String.class).orElse("");
            if (raw.isEmpty() && key.type().mayBeAbsent()) {
                continue;
            }
            try {
                key.type().parse(raw);
            } catch (ValueType.Invalid e) {
                problems.add(key.key() + ": " + (key.isSecret() ? "<hidden>" : "'" + raw + "'") + " "
                        + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid configuration: " + String.join("; ", problems));
        }
    }
}
