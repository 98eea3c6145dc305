package org.creativecities.plugin.api;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a plugin may ask of the core. A plugin declares the permissions it needs in
 * {@link ModuleInfo#permissions()}; administrators see the list before they enable the plugin, and every
 * service of {@link ModuleContext} checks it on every call, throwing {@link PluginPermissionException} when
 * the plugin did not declare what it uses.
 */
public enum Permission {

    /** Read and write the plugin's own storage ({@link ModuleContext#storage()}). */
    STORAGE("storage"),
    /** Read cities ({@link ModuleContext#cities()}). */
    CITIES_READ("cities.read"),
    /** Read memberships and display names ({@link ModuleContext#members()}). */
    MEMBERS_READ("members.read"),
    /**
     * Publish system events and the module's messages into the plugin's own live rooms, and send frames to one
     * person in them ({@link org.creativecities.plugin.api.room.RoomService}; since 1.3.0, reserved before).
     * Providing room kinds ({@link CommonsModule#roomKinds()}) and asking who may read a room need no permission.
     */
    ROOMS_WRITE("rooms.write"),
    /**
     * Create and archive rooms of the plugin's own kinds, as the person it acts for ({@code RoomService.create},
     * {@code RoomService.archive}).
     *
     * @since 1.3.0
     */
    ROOMS_CREATE("rooms.create"),
    /** Serve REST routes under {@code /api/plugins/{pluginId}/} ({@link CommonsModule#http()}). */
    HTTP_ROUTES("http.routes"),
    /**
     * Store files in the core's media store and look up media by id ({@link ModuleContext#files()}).
     *
     * @since 1.3.0
     */
    FILES("files"),
    /**
     * Create works of the core's kinds, authored by the people the plugin acts for, and add versions to the works it
     * created ({@link ModuleContext#works()}).
     *
     * @since 1.3.0
     */
    WORKS_WRITE("works.write"),
    /** Take part in <em>before</em> hooks that may change or veto an action. */
    HOOKS("hooks"),
    /** Receive <em>after</em> events ({@link CommonsModule#events()}). */
    EVENTS("events");

    private final String wireName;

    Permission(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in the admin API and the documentation, for example {@code members.read}. */
    public String wireName() {
        return wireName;
    }

    /** The permission with this wire name, if there is one. */
    public static Optional<Permission> fromWireName(String name) {
        return Arrays.stream(values()).filter(p -> p.wireName.equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
