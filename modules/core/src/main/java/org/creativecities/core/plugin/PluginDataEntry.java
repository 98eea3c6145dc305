package org.creativecities.core.plugin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.creativecities.plugin.api.StorageScope;
import org.creativecities.plugin.api.StoredEntry;

/** One entry of a plugin's storage; see {@link org.creativecities.plugin.api.PluginStorage}. */
@Entity
@Table(name = "plugin_data")
public class PluginDataEntry {

    @Id
    @SequenceGenerator(name = "plugin_data_seq", sequenceName = "plugin_data_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "plugin_data_seq")
    private Long id;

    @Column(name = "plugin_id", nullable = false)
    private String pluginId;

    @Enumerated(EnumType.STRING)
    @Column(name = "scope_kind", nullable = false)
    private StorageScope.Kind scopeKind;

    @Column(name = "scope_ref", nullable = false)
    private String scopeRef;

    @Column(name = "data_key", nullable = false)
    private String key;

    @Column(name = "data_value", nullable = false, length = 262_144)
    private String value;

    @Column(name = "is_json", nullable = false)
    private boolean json;

    @Column(name = "entry_version", nullable = false)
    private long entryVersion;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Column(name = "expires_at")
    private OffsetDateTime expiresAt;

    protected PluginDataEntry() {
    }

    PluginDataEntry(String pluginId, StorageScope scope, String key) {
        this.pluginId = pluginId;
        this.scopeKind = scope.kind();
        this.scopeRef = scope.ref();
        this.key = key;
    }

    /** Writes a new value: one version more, or version 1 if the entry had expired. */
    void write(String newValue, boolean isJson, OffsetDateTime now, OffsetDateTime expiry) {
        entryVersion = isLive(now) ? entryVersion + 1 : 1;
        value = newValue;
        json = isJson;
        updatedAt = now;
        expiresAt = expiry;
    }

    boolean isLive(OffsetDateTime now) {
        return entryVersion > 0 && (expiresAt == null || expiresAt.isAfter(now));
    }

    /** The version a compare-and-set sees: 0 for an entry that does not exist or expired. */
    long visibleVersion(OffsetDateTime now) {
        return isLive(now) ? entryVersion : 0;
    }

    StoredEntry view() {
        return new StoredEntry(new StorageScope(scopeKind, scopeRef), key, value, json, entryVersion,
                updatedAt.toInstant(), Optional.ofNullable(expiresAt).map(OffsetDateTime::toInstant));
    }

    public String key() {
        return key;
    }
}
