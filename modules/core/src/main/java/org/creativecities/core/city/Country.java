package org.creativecities.core.city;

import java.util.Locale;
import java.util.Set;

/**
 * A country by ISO 3166-1 alpha-2 code and short English name.
 *
 * @param code two upper-case letters
 * @param name the English short name
 */
public record Country(String code, String name) {

    private static final Set<String> ISO_CODES = Set.of(Locale.getISOCountries());

    public Country {
        if (!isValidCode(code)) {
            throw new IllegalArgumentException("not an ISO 3166-1 alpha-2 code: " + code);
        }
        if (name == null || name.isBlank()) {
            name = englishName(code);
        }
    }

    public static boolean isValidCode(String code) {
        return code != null && ISO_CODES.contains(code);
    }

    public static String englishName(String code) {
        return new Locale("", code).getDisplayCountry(Locale.ENGLISH);
    }
}
