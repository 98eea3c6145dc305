package org.creativecities.plugin.api;

/**
 * Who may change a setting's value ({@link SettingDefinition#changeableBy()}). Network administrators may always
 * change every setting, network-wide and for any city; this says whether a city's coordinators may too.
 *
 * @since 1.3.0
 */
public enum ChangeableBy {

    /** Only network administrators, in the admin console: the default, and the only choice before 1.3. */
    ADMIN,

    /**
     * Administrators, and also the coordinators of a city for that city's value (its override of the network-wide
     * value), while the plugin is enabled in their city.
     */
    CITY_COORDINATOR
}
