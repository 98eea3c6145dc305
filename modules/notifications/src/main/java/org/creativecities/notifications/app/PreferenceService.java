package org.creativecities.notifications.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.platform.TimeSource;
import org.creativecities.notifications.NotificationsException;
import org.creativecities.notifications.app.NotificationDtos.PreferencesUpdate;
import org.creativecities.notifications.app.NotificationDtos.PreferencesView;
import org.creativecities.notifications.domain.Notification;
import org.creativecities.notifications.domain.NotificationKind;
import org.creativecities.notifications.domain.Preferences;
import org.creativecities.notifications.domain.PreferencesRepository;

/** A person's notification preferences: read (defaults until they choose) and changed, their own only. */
@ApplicationScoped
public class PreferenceService {

    @Inject
    private PreferencesRepository preferences;

    @Inject
    private TimeSource time;

    @Transactional
    public PreferencesView get(Caller.Identity who) {
        return view(preferences.find(who.id()).orElseGet(() -> new Preferences(who.id(), time.now())));
    }

    @Transactional
    public PreferencesView update(Caller.Identity who, PreferencesUpdate body) {
        if (body == null) {
            throw NotificationsException.invalid("body", "Send {\"email\": {kind: immediate|digest|off}, "
                    + "\"digest\": daily|weekly|off, \"language\": en|fr|profile}.");
        }
        Map<NotificationKind, Preferences.Email> changes = new EnumMap<>(NotificationKind.class);
        if (body.email() != null) {
            for (Map.Entry<String, String> e : body.email().entrySet()) {
                NotificationKind kind = NotificationKind.ofApiName(e.getKey()).orElseThrow(() ->
                        NotificationsException.invalid("email." + e.getKey(), "Not a kind of notification."));
                changes.put(kind, oneOf("email." + e.getKey(), e.getValue(), Preferences.Email.class));
            }
        }
        Preferences.Digest digest = body.digest() == null ? null
                : oneOf("digest", body.digest(), Preferences.Digest.class);
        Preferences p = preferences.find(who.id()).orElseGet(() -> preferences.add(
                new Preferences(who.id(), time.now())));
        p.choose(changes, digest, time.now());
        if (body.language() != null) {
            p.chooseLanguage(language(body.language()), time.now());
        }
        return view(p);
    }

    private static String language(String value) {
        if ("profile".equals(value)) {
            return null;
        }
        if (Preferences.LANGUAGES.contains(value)) {
            return value;
        }
        throw NotificationsException.invalid("language", "One of en, fr, profile.");
    }

    private static <E extends Enum<E>> E oneOf(String field, String value, Class<E> type) {
        for (E e : type.getEnumConstants()) {
            if (e.name().toLowerCase(Locale.ROOT).equals(value)) {
                return e;
            }
        }
        StringBuilder allowed = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            allowed.append(allowed.length() == 0 ? "" : ", ").append(e.name().toLowerCase(Locale.ROOT));
        }
        throw NotificationsException.invalid(field, "One of " + allowed + ".");
    }

    private static PreferencesView view(Preferences p) {
        Map<String, String> email = new LinkedHashMap<>();
        p.email().forEach((k, v) -> email.put(k.apiName(), v.name().toLowerCase(Locale.ROOT)));
        return new PreferencesView("always", email, p.digest().name().toLowerCase(Locale.ROOT),
                p.language().orElse("profile"));
    }
}
