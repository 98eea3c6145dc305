package org.creativecities.notifications.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.creativecities.core.platform.AdminChange;
import org.creativecities.core.platform.ContextException.FieldError;
import org.creativecities.core.platform.TimeSource;
import org.creativecities.notifications.NotificationsException;
import org.creativecities.notifications.domain.MailSettings;
import org.creativecities.notifications.domain.MailSettingsRepository;
import org.creativecities.notifications.mail.MailDtos.MailUpdate;
import org.creativecities.notifications.mail.MailDtos.MailView;

/** Reads and changes the outgoing mail server (administrators only; the resource checks the role). */
@ApplicationScoped
public class MailAdministration {

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:\\[\\]-]{1,255}");
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>\"]{1,64}@[^@\\s<>\"]{1,255}");

    @Inject
    private MailSettingsRepository settings;

    @Inject
    private TimeSource time;

    @Inject
    private Event<AdminChange> audit;

    @Transactional
    public MailView view() {
        return view(settings.get());
    }

    @Transactional
    public MailView update(MailUpdate body) {
        if (body == null) {
            throw NotificationsException.invalid("body", "Send the server: host, port, from, tls, baseUrl.");
        }
        MailSettings s = settings.get();
        String before = describe(s);
        if (body.host() == null || body.host().isBlank()) {
            s.clear(time.now());
        } else {
            List<FieldError> errors = new ArrayList<>();
            String host = check(errors, "host", body.host(), HOST, "a host name or address");
            int port = body.port() == null ? 25 : body.port();
            if (port < 1 || port > 65535) {
                errors.add(new FieldError("port", "Between 1 and 65535."));
            }
            String from = check(errors, "from", body.from(), ADDRESS, "an email address");
            MailSettings.Tls tls = tls(errors, body.tls());
            String baseUrl = baseUrl(errors, body.baseUrl());
            if (body.username() != null && body.username().length() > 320) {
                errors.add(new FieldError("username", "At most 320 characters."));
            }
            if (body.password() != null && body.password().length() > 500) {
                errors.add(new FieldError("password", "At most 500 characters."));
            }
            if (!errors.isEmpty()) {
                throw NotificationsException.invalid(errors);
            }
            s.configure(host, port, from, tls, blankToNull(body.username()), body.password(), baseUrl, time.now());
        }
        audit.fire(new AdminChange("mail.settings", "mail", before, describe(s)));
        return view(s);
    }

    private static String check(List<FieldError> errors, String field, String value, Pattern pattern,
                                String expected) {
        if (value == null || !pattern.matcher(value).matches()) {
            errors.add(new FieldError(field, "Expected " + expected + "."));
        }
        return value;
    }

    private static MailSettings.Tls tls(List<FieldError> errors, String value) {
        String v = value == null ? "none" : value;
        for (MailSettings.Tls t : MailSettings.Tls.values()) {
            if (t.name().toLowerCase(Locale.ROOT).equals(v)) {
                return t;
            }
        }
        errors.add(new FieldError("tls", "One of none, starttls, tls."));
        return MailSettings.Tls.NONE;
    }

    private static String baseUrl(List<FieldError> errors, String value) {
        try {
            URI uri = value == null || value.length() > 500 ? null : URI.create(value);
            if (uri != null && uri.getHost() != null && ("https".equals(uri.getScheme())
                    || "http".equals(uri.getScheme())) && uri.getQuery() == null && uri.getFragment() == null) {
                return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        errors.add(new FieldError("baseUrl", "The site's public address, e.g. https://commons.example.org."));
        return value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String describe(MailSettings s) {
        return s.isConfigured() ? s.host().orElse("") + ":" + s.port() + " " + s.tls() + " from " + s.from().orElse("")
                : "not configured";
    }

    static MailView view(MailSettings s) {
        return new MailView(s.isConfigured() ? "configured" : "not-configured", s.host().orElse(null),
                s.host().isPresent() ? s.port() : null, s.from().orElse(null),
                s.tls().name().toLowerCase(Locale.ROOT), s.username().orElse(null), s.password().isPresent(),
                s.baseUrl().orElse(null));
    }
}
