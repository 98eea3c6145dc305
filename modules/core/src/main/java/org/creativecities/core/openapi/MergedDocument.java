package org.creativecities.core.openapi;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.creativecities.core.plugin.PluginRouteCatalogue;

/**
 * The OpenAPI document merged with the routes of the plugins that ran when it was made, in both of its forms,
 * each with its strong entity tag. It is current as long as the running plugins' route tables are equal to
 * {@link #plugins()}.
 */
record MergedDocument(List<PluginRouteCatalogue.PluginRoutes> plugins, byte[] json, String jsonTag, byte[] yaml,
                      String yamlTag) {

    MergedDocument {
        plugins = List.copyOf(plugins);
    }

    static MergedDocument of(List<PluginRouteCatalogue.PluginRoutes> plugins, byte[] json, byte[] yaml) {
        return new MergedDocument(plugins, json, tag("j", json), yaml, tag("y", yaml));
    }

    private static String tag(String form, byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return '"' + form + HexFormat.of().formatHex(digest, 0, 12) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
