package org.creativecities.core.plugin;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the platform remembers about a plugin across restarts: whether an administrator (or the supervisor)
 * disabled it, where it is enabled, and the last description it gave of itself.
 */
@Entity
@Table(name = "plugin_state")
public class PluginRecord {

    @Id
    @Column(name = "plugin_id")
    private String pluginId;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "network_wide", nullable = false)
    private boolean networkWide;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "plugin_city", joinColumns = @JoinColumn(name = "plugin_id"))
    @Column(name = "city_slug")
    private Set<String> cities = new TreeSet<>();

    @Column(name = "disabled_reason")
    private String disabledReason;

    @Column(name = "disabled_at")
    private OffsetDateTime disabledAt;

    @Column(name = "info_json")
    private String infoJson;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    protected PluginRecord() {
    }

    /** A newly seen plugin: enabled for the whole network. */
    PluginRecord(String pluginId, OffsetDateTime now) {
        this.pluginId = pluginId;
        this.enabled = true;
        this.networkWide = true;
        this.updatedAt = now;
    }

    void enable(OffsetDateTime now) {
        enabled = true;
        disabledReason = null;
        disabledAt = null;
        updatedAt = now;
    }

    void disable(String reason, OffsetDateTime now) {
        enabled = false;
        disabledReason = reason;
        disabledAt = now;
        updatedAt = now;
    }

    void placeIn(boolean wholeNetwork, Set<String> citySlugs, OffsetDateTime now) {
        networkWide = wholeNetwork;
        cities.clear();
        cities.addAll(citySlugs);
        updatedAt = now;
    }

    void describe(String json, OffsetDateTime now) {
        infoJson = json;
        updatedAt = now;
    }

    public String pluginId() {
        return pluginId;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public boolean isNetworkWide() {
        return networkWide;
    }

    public Set<String> cities() {
        return Set.copyOf(cities);
    }

    /** Whether the plugin is switched on in this city (ignoring whether it runs). */
    public boolean coversCity(String citySlug) {
        return networkWide || cities.contains(citySlug);
    }

    public Optional<String> disabledReason() {
        return Optional.ofNullable(disabledReason);
    }

    public Optional<OffsetDateTime> disabledAt() {
        return Optional.ofNullable(disabledAt);
    }

    public Optional<String> infoJson() {
        return Optional.ofNullable(infoJson);
    }
}
