package org.creativecities.plugin.api;

/**
 * Facts about the plugin API itself.
 *
 * <p>The version follows semantic versioning: a minor release only adds to the contract, a major
 * release may remove or change it. The host hands this version to PF4J as the system version, so a
 * plugin's {@code Plugin-Requires} range (for example {@code >=1.0.0 & <2.0.0}) is checked against it.
 *
 * <p>History: 1.0.0 the first contract; 1.1.0 adds room kinds ({@code org.creativecities.plugin.api.room},
 * {@link CommonsModule#roomKinds()}); 1.2.0 adds browser UI
 * contributions ({@link UiModule}: {@link ModuleInfo#page()}, {@link RoomKindDescriptor#ui()}), keeping the 1.0/1.1
 * constructors so that plugins built against them still load; 1.3.0 adds work kinds, timers, room lifecycle and
 * publishing, and the other additions marked {@code @since 1.3.0}, all of them additions only: 1.2 plugins load
 * unchanged.
 */
public final class PluginApi {

    /** The semantic version of this contract. */
    public static final String VERSION = "1.3.0";

    private PluginApi() {
    }
}
