package org.creativecities.core.plugin;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import java.time.Clock;
import java.time.Duration;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.creativecities.plugin.api.CityLookup;
import org.creativecities.plugin.api.JsonCodec;
import org.creativecities.plugin.api.MemberLookup;
import org.creativecities.plugin.api.ModuleContext;
import org.creativecities.plugin.api.PluginFile;
import org.creativecities.plugin.api.PluginFiles;
import org.creativecities.plugin.api.ModuleInfo;
import org.creativecities.plugin.api.Permission;
import org.creativecities.plugin.api.PluginPermissionException;
import org.creativecities.plugin.api.PluginSettings;
import org.creativecities.plugin.api.PluginStorage;
import org.creativecities.plugin.api.StoragePage;
import org.creativecities.plugin.api.StorageScope;
import org.creativecities.plugin.api.StoredEntry;
import org.creativecities.plugin.api.timer.PluginTimers;
import org.creativecities.plugin.api.work.PluginWork;
import org.creativecities.plugin.api.work.PluginWorks;

/**
 * The {@link ModuleContext} of one start of one plugin. Every service checks the plugin's declared
 * permissions on every call. Holds the plugin's own JSON-B instance, which is closed when the plugin stops
 * so that its class models (and so the plugin's classes) are not kept by the core.
 */
final class CoreModuleContext implements ModuleContext {

    private final String pluginId;
    private final String version;
    private final ModuleInfo info;
    private final PluginContextServices services;
    private final Jsonb jsonb;
    private final PluginTimerSet timers;

    CoreModuleContext(String pluginId, String version, ModuleInfo info, PluginContextServices services, Jsonb jsonb) {
        this.pluginId = pluginId;
        this.version = version;
        this.info = info;
        this.services = services;
        this.jsonb = jsonb;
        this.timers = services.timers().open(pluginId);
    }

    private void require(Permission permission) {
        if (!info.declares(permission)) {
            throw new PluginPermissionException(pluginId, permission);
        }
    }

    @Override
    public String pluginId() {
        return pluginId;
    }

    @Override
    public String pluginVersion() {
        return version;
    }

    @Override
    public PluginStorage storage() {
        require(Permission.STORAGE);
        return new Storage();
    }

    @Override
    public PluginSettings settings() {
        return new ScopedSettings(pluginId, info, services, "");
    }

    @Override
    public PluginFiles files() {
        require(Permission.FILES);
        PluginFileStore store = services.fileStore().orElseThrow(() ->
                new UnsupportedOperationException("This server has no media store for plugins."));
        return new PluginFiles() {
            @Override
            public PluginFile store(String fileName, String declaredType, InputStream content) {
                return store.store(pluginId, fileName, declaredType, content);
            }

            @Override
            public Optional<PluginFile> find(String mediaId) {
                return store.find(pluginId, mediaId);
            }

            @Override
            public boolean delete(String mediaId) {
                return store.delete(pluginId, mediaId);
            }
        };
    }

    @Override
    public PluginWorks works() {
        require(Permission.WORKS_WRITE);
        PluginWorkStore store = services.workStore().orElseThrow(() ->
                new UnsupportedOperationException("This server has no works for plugins."));
        return new PluginWorks() {
            @Override
            public PluginWork create(String citySlug, String kind, String title, String content, String message,
                                     long authorId) {
                return store.create(pluginId, citySlug, kind, title, content, message, authorId);
            }

            @Override
            public PluginWork addVersion(long workId, String content, String message, long authorId) {
                return store.addVersion(pluginId, workId, content, message, authorId);
            }

            @Override
            public Optional<PluginWork> find(long workId) {
                return store.find(pluginId, workId);
            }
        };
    }

    @Override
    public CityLookup cities() {
        require(Permission.CITIES_READ);
        return new CityLookup() {
            @Override
            public Optional<CityInfo> find(String citySlug) {
                require(Permission.CITIES_READ);
                return services.city(citySlug);
            }

            @Override
            public List<CityInfo> inField(String fieldSlug) {
                require(Permission.CITIES_READ);
                return services.citiesInField(fieldSlug);
            }
        };
    }

    @Override
    public MemberLookup members() {
        require(Permission.MEMBERS_READ);
        return new MemberLookup() {
            @Override
            public boolean isMember(long accountId, String citySlug) {
                return services.isMember(accountId, citySlug);
            }

            @Override
            public boolean isCoordinator(long accountId, String citySlug) {
                return services.isCoordinator(accountId, citySlug);
            }

            @Override
            public Optional<String> displayName(long accountId) {
                return services.displayName(accountId);
            }
        };
    }

    @Override
    public JsonCodec json() {
        return new JsonCodec() {
            @Override
            public String toJson(Object value) {
                return jsonb.toJson(value);
            }

            @Override
            public <T> T fromJson(String json, Class<T> type) {
                try {
                    return jsonb.fromJson(json, type);
                } catch (JsonbException e) {
                    throw new IllegalArgumentException("not valid JSON for " + type.getSimpleName() + ": "
                            + e.getMessage(), e);
                }
            }
        };
    }

    @Override
    public Clock clock() {
        return services.time().clock();
    }

    @Override
    public Logger logger() {
        return Logger.getLogger(PluginContextServices.loggerName(pluginId));
    }

    /** This start's timers; closed by the {@link PluginTimerService} when the plugin stops. Needs no permission. */
    @Override
    public PluginTimers timers() {
        return timers;
    }

    /** The plugin's storage, scoped to its id. */
    private final class Storage implements PluginStorage {

        private PluginDataStore data() {
            require(Permission.STORAGE);
            return services.data();
        }

        @Override
        public Optional<StoredEntry> get(StorageScope scope, String key) {
            return data().get(pluginId, scope, key);
        }

        @Override
        public StoredEntry put(StorageScope scope, String key, String value) {
            return data().write(pluginId, scope, key, value, false, null, null);
        }

        @Override
        public StoredEntry put(StorageScope scope, String key, String value, Duration ttl) {
            return data().write(pluginId, scope, key, value, false, ttl, null);
        }

        @Override
        public StoredEntry compareAndSet(StorageScope scope, String key, long expectedVersion, String value,
                                         Duration ttl) {
            if (expectedVersion < 0) {
                throw new IllegalArgumentException("expectedVersion must be 0 or more");
            }
            return data().write(pluginId, scope, key, value, false, ttl, expectedVersion);
        }

        @Override
        public StoredEntry putDocument(StorageScope scope, String key, Object document) {
            return data().write(pluginId, scope, key, jsonb.toJson(document), true, null, null);
        }

        @Override
        public <T> Optional<T> getDocument(StorageScope scope, String key, Class<T> type) {
            return get(scope, key).map(e -> jsonb.fromJson(e.value(), type));
        }

        @Override
        public boolean delete(StorageScope scope, String key) {
            return data().delete(pluginId, scope, key);
        }

        @Override
        public StoragePage list(StorageScope scope, String prefix, String cursor, int limit) {
            return data().list(pluginId, scope, prefix, cursor, limit);
        }
    }
}
