package org.creativecities.notifications.domain;

import java.util.Locale;
import java.util.Optional;

/** The names enums of this context carry in the API: lower case, words joined by a hyphen. */
public final class ApiNames {

    private ApiNames() {
    }

    /** The API name of a constant ({@code WORK_FORK} is {@code work-fork}). */
    public static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The constant of the enum with this API name, if there is one. */
    public static <E extends Enum<E>> Optional<E> find(Class<E> type, String apiName) {
        for (E constant : type.getEnumConstants()) {
            if (of(constant).equals(apiName)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }
}
