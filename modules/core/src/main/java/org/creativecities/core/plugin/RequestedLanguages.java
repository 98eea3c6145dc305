package org.creativecities.core.plugin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.creativecities.core.platform.web.ProblemException;
import org.creativecities.plugin.api.MessageBundles;

/**
 * The languages a caller asked for plugin texts in, best first: the {@code lang} query parameter if given (a
 * language tag such as {@code fr} or {@code fr-CA}; only its language is used), else the {@code Accept-Language}
 * header's languages by weight. English, the fallback, is not listed: every lookup ends with it anyway.
 *
 * @param languages lower-case language codes, at most {@value #MOST}
 */
record RequestedLanguages(List<String> languages) {

    private static final int MOST = 5;
    private static final int LONGEST_HEADER = 500;
    private static final Pattern TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,4}");

    /** English only. */
    static final RequestedLanguages ENGLISH = new RequestedLanguages(List.of());

    RequestedLanguages {
        languages = List.copyOf(languages);
    }

    /**
     * @param lang           the {@code lang} query parameter, or null
     * @param acceptLanguage the {@code Accept-Language} header, or null
     * @throws ProblemException 400 for a {@code lang} that is not a language tag
     */
    static RequestedLanguages of(String lang, String acceptLanguage) {
        if (lang != null && !lang.isEmpty()) {
            if (!TAG.matcher(lang).matches()) {
                throw ProblemException.invalidField("lang", "must be a language code such as en or fr");
            }
            return new RequestedLanguages(List.of(primary(lang)));
        }
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > LONGEST_HEADER) {
            return ENGLISH;
        }
        List<String> out = new ArrayList<>();
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                String code = primary(range.getRange());
                if (range.getWeight() > 0 && MessageBundles.isLanguage(code) && !out.contains(code)
                        && out.size() < MOST) {
                    out.add(code);
                }
            }
        } catch (IllegalArgumentException e) {
            return ENGLISH;
        }
        return new RequestedLanguages(out);
    }

    private static String primary(String tag) {
        int dash = tag.indexOf('-');
        return (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(Locale.ROOT);
    }
}
