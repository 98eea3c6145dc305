package org.creativecities.plugin.api;

/** The type of a setting; see {@link SettingDefinition} for the canonical text form of each. */
public enum SettingType {
    STRING, INTEGER, BOOLEAN, ENUM, LIST
}
