package org.creativecities.notifications.domain;

/** The mail settings row, made on first use. */
public interface MailSettingsRepository {

    /** The settings, made (not configured, with a new secret) if there were none. */
    MailSettings get();
}
