package org.creativecities.core.plugin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One setting value of a plugin, network-wide ({@code citySlug} empty) or for one city. */
@Entity
@Table(name = "plugin_setting")
public class PluginSettingValue {

    @Id
    @SequenceGenerator(name = "plugin_setting_seq", sequenceName = "plugin_setting_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "plugin_setting_seq")
    private Long id;

    @Column(name = "plugin_id", nullable = false)
    private String pluginId;

    @Column(name = "city_slug", nullable = false)
    private String citySlug;

    @Column(name = "setting_key", nullable = false)
    private String key;

    @Column(name = "setting_value", nullable = false)
    private String value;

    protected PluginSettingValue() {
    }

    PluginSettingValue(String pluginId, String citySlug, String key, String value) {
        this.pluginId = pluginId;
        this.citySlug = citySlug;
        this.key = key;
        this.value = value;
    }

    void change(String newValue) {
        this.value = newValue;
    }

    public String citySlug() {
        return citySlug;
    }

    public String key() {
        return key;
    }

    public String value() {
        return value;
    }
}
