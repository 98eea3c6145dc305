package org.creativecities.core.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Typed access to the runtime configuration. Values come from MicroProfile Config: the launcher resolves
 * {@code config/application.properties} and environment overrides, validates them, and hands them over as
 * system properties before the application starts.
 */
@ApplicationScoped
public class AppConfig {

    private final Config config = ConfigProvider.getConfig();

    public String value(String key) {
        return config.getOptionalValue(key, String.class).orElse("");
    }

    private int intValue(String key) {
        return Integer.parseInt(value(key).trim());
    }

    private Duration duration(String key) {
        return Duration.parse(value(key).trim());
    }

    public Path dataDir() {
        return Path.of(value("ccc.data.dir"));
    }

    public Path pluginsDir() {
        return Path.of(value("ccc.plugins.dir"));
    }

    public Path citySeed() {
        return Path.of(value("ccc.seed.cities"));
    }

    public List<String> allowedOrigins() {
        return Arrays.stream(value("ccc.http.allowed-origins").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public List<String> trustedProxies() {
        return Arrays.stream(value("ccc.http.trusted-proxies").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public String adminEmail() {
        return value("ccc.admin.email");
    }

    public String adminPassword() {
        return value("ccc.admin.password");
    }

    public int pageSizeMax() {
        return intValue("ccc.limits.page-size-max");
    }

    public long requestBodyMax() {
        return Long.parseLong(value("ccc.limits.request-body-max").trim());
    }

    public long pluginUploadMax() {
        return Long.parseLong(value("ccc.plugins.max-upload").trim());
    }

    public Duration tokenTtl() {
        return duration("ccc.auth.token-ttl");
    }

    public int maxFailures() {
        return intValue("ccc.auth.max-failures");
    }

    public Duration lockout() {
        return duration("ccc.auth.lockout");
    }

    public int ipAttemptsPerMinute() {
        return intValue("ccc.auth.ip-attempts-per-minute");
    }
}
