package org.creativecities.media;

import java.util.Objects;

/**
 * Whose a media is, and so whose quota it counts against: an account (a member's upload), or a plugin (a file it
 * stored through the plugin API's {@code PluginFiles}, since plugin API 1.3). Exactly one of the two is set.
 *
 * @param accountId the uploading account, or null
 * @param pluginId  the storing plugin, or null
 */
public record MediaOwner(Long accountId, String pluginId) {

    public MediaOwner {
        if ((accountId == null) == (pluginId == null)) {
            throw new IllegalArgumentException("a media is an account's or a plugin's");
        }
    }

    public static MediaOwner account(long accountId) {
        return new MediaOwner(accountId, null);
    }

    public static MediaOwner plugin(String pluginId) {
        return new MediaOwner(null, Objects.requireNonNull(pluginId, "pluginId"));
    }

    public boolean isPlugin() {
        return pluginId != null;
    }

    /** A key for per-owner limits: {@code account:12} or {@code plugin:music}. */
    public String key() {
        return isPlugin() ? "plugin:" + pluginId : "account:" + accountId;
    }
}
