package org.creativecities.plugin.api;

/**
 * Thrown by a core service when the calling plugin did not declare the permission the call needs. The
 * core answers an HTTP request that ended with it with 403 and records it against the plugin's health.
 */
public class PluginPermissionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String pluginId;
    private final Permission permission;

    public PluginPermissionException(String pluginId, Permission permission) {
        super("Plugin '" + pluginId + "' did not declare the permission '" + permission.wireName()
                + "' that this call needs; add it to ModuleInfo.permissions().");
        this.pluginId = pluginId;
        this.permission = permission;
    }

    public String pluginId() {
        return pluginId;
    }

    public Permission permission() {
        return permission;
    }
}
