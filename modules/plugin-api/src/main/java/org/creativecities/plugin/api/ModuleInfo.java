package org.creativecities.plugin.api;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a plugin offers, as shown to administrators and members: its name, the creative fields it serves,
 * its room kinds, the permissions it needs, its settings and its browser UI module. Returned by
 * {@link CommonsModule#info()}; the core reads it once when the plugin starts.
 *
 * @param name         shown to people, e.g. "Film"
 * @param description  one paragraph
 * @param icon         an icon name or a path inside the jar's {@code ui/} folder; may be empty
 * @param fields       the slugs of the creative fields the plugin serves (e.g. {@code film}); may be empty
 * @param roomKinds    the room kinds it provides
 * @param permissions  everything it will ask of the core; anything else is refused at run time
 * @param settings     the schema of its settings
 * @param uiModule     a general ES module of its browser UI, a path inside the jar's {@code ui/} folder such as
 *                     {@code ui/film.js}, served at {@code /plugins/{pluginId}/ui/film.js}; since 1.2 prefer
 *                     {@link #page} and {@link RoomKindDescriptor#ui}, which the UI loads on demand
 * @param page         the element of the plugin's page in each city where it is enabled, shown at
 *                     {@code /cities/{slug}/modules/{pluginId}} (since 1.2); may be empty
 * @param workKinds    the structured kinds of work it provides (since 1.3); ids unique within the plugin
 */
public record ModuleInfo(String name, String description, String icon, Set<String> fields,
                         List<RoomKindDescriptor> roomKinds, Set<Permission> permissions,
                         List<SettingDefinition> settings, Optional<String> uiModule, Optional<UiModule> page,
                         List<WorkKindDescriptor> workKinds) {

    public ModuleInfo {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        icon = icon == null ? "" : icon;
        fields = Set.copyOf(fields);
        roomKinds = List.copyOf(roomKinds);
        permissions = permissions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(permissions));
        settings = List.copyOf(settings);
        uiModule = uiModule == null ? Optional.empty() : uiModule;
        page = page == null ? Optional.empty() : page;
        workKinds = workKinds == null ? List.of() : List.copyOf(workKinds);
        Set<String> ids = new HashSet<>();
        for (WorkKindDescriptor kind : workKinds) {
            if (!ids.add(kind.id())) {
                throw new IllegalArgumentException("work kind '" + kind.id() + "' is declared twice");
            }
        }
    }

    /** A description without work kinds: the form of API 1.2, kept for plugins built against it. */
    public ModuleInfo(String name, String description, String icon, Set<String> fields,
                      List<RoomKindDescriptor> roomKinds, Set<Permission> permissions,
                      List<SettingDefinition> settings, Optional<String> uiModule, Optional<UiModule> page) {
        this(name, description, icon, fields, roomKinds, permissions, settings, uiModule, page, List.of());
    }

    /** A description without a page: the form of API 1.0 and 1.1, kept for plugins built against them. */
    public ModuleInfo(String name, String description, String icon, Set<String> fields,
                      List<RoomKindDescriptor> roomKinds, Set<Permission> permissions,
                      List<SettingDefinition> settings, Optional<String> uiModule) {
        this(name, description, icon, fields, roomKinds, permissions, settings, uiModule, Optional.empty());
    }

    /** Every UI module the plugin declares (its page, its room kinds' and its work kinds' elements). */
    public List<UiModule> uiModules() {
        List<UiModule> all = new ArrayList<>();
        page.ifPresent(all::add);
        roomKinds.forEach(k -> k.ui().ifPresent(all::add));
        workKinds.forEach(k -> all.add(k.ui()));
        return List.copyOf(all);
    }

    /** Whether the plugin declared this permission. */
    public boolean declares(Permission permission) {
        return permissions.contains(permission);
    }

    /** One of its work kinds by its id within the plugin (since 1.3). */
    public Optional<WorkKindDescriptor> workKind(String id) {
        return workKinds.stream().filter(k -> k.id().equals(id)).findFirst();
    }

    /** The definition of one setting, if the schema has it. */
    public Optional<SettingDefinition> setting(String key) {
        return settings.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /** Starts a description with the given display name. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Builds a {@link ModuleInfo}; everything but the name is optional. */
    public static final class Builder {
        private final String name;
        private String description = "";
        private String icon = "";
        private final Set<String> fields = new LinkedHashSet<>();
        private final List<RoomKindDescriptor> roomKinds = new ArrayList<>();
        private final Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        private final List<SettingDefinition> settings = new ArrayList<>();
        private String uiModule;
        private UiModule page;
        private final List<WorkKindDescriptor> workKinds = new ArrayList<>();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        public Builder description(String text) {
            this.description = text;
            return this;
        }

        public Builder icon(String iconName) {
            this.icon = iconName;
            return this;
        }

        public Builder fields(String... slugs) {
            this.fields.addAll(List.of(slugs));
            return this;
        }

        public Builder roomKind(String id, String kindName, String kindDescription) {
            this.roomKinds.add(new RoomKindDescriptor(id, kindName, kindDescription));
            return this;
        }

        /**
         * A room kind with the browser element shown above its rooms' chat (since 1.2).
         *
         * @param module  the ES module in the jar, e.g. {@code ui/watch-party.js}
         * @param element the custom element it defines, e.g. {@code ccc-film-watch-party}
         */
        public Builder roomKind(String id, String kindName, String kindDescription, String module, String element) {
            this.roomKinds.add(new RoomKindDescriptor(id, kindName, kindDescription,
                    Optional.of(new UiModule(module, element))));
            return this;
        }

        /**
         * The plugin's page in each city where it is enabled (since 1.2).
         *
         * @param module  the ES module in the jar, e.g. {@code ui/page.js}
         * @param element the custom element it defines, e.g. {@code ccc-film-page}
         */
        public Builder page(String module, String element) {
            this.page = new UiModule(module, element);
            return this;
        }

        /**
         * A structured kind of work (since 1.3), see {@link WorkKindDescriptor}.
         *
         * @param id       unique within the plugin, e.g. {@code recipe}
         * @param schema   the JSON Schema of its content in the jar, e.g. {@code schemas/recipe.json}
         * @param module   the ES module in the jar that displays and edits it, e.g. {@code ui/recipe.js}
         * @param element  the custom element it defines, e.g. {@code ccc-gastronomy-recipe}
         * @since 1.3.0
         */
        public Builder workKind(String id, String kindName, String kindDescription, String schema, String module,
                                String element) {
            this.workKinds.add(new WorkKindDescriptor(id, kindName, kindDescription, schema,
                    new UiModule(module, element)));
            return this;
        }

        public Builder permissions(Permission... needed) {
            this.permissions.addAll(List.of(needed));
            return this;
        }

        public Builder setting(SettingDefinition definition) {
            this.settings.add(definition);
            return this;
        }

        public Builder uiModule(String path) {
            this.uiModule = path;
            return this;
        }

        public ModuleInfo build() {
            return new ModuleInfo(name, description, icon, fields, roomKinds, permissions, settings,
                    Optional.ofNullable(uiModule), Optional.ofNullable(page), workKinds);
        }
    }
}
