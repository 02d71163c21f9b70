package org.careleaf.catalog.internal;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Picks the language to serve from an {@code Accept-Language} value or a single tag: the first range,
 * by quality, whose tag or primary language is available ({@code es-MX} gets {@code es}); otherwise the
 * default. Malformed values fall back to the default rather than fail.
 */
public final class LocaleResolver {

    /** Longer preferences are not a reader's: refuse to spend work on them. */
    static final int MAX_LENGTH = 256;

    private LocaleResolver() {
    }

    public static String resolve(String languages, Collection<String> available, String fallback) {
        if (languages == null || languages.isBlank() || languages.length() > MAX_LENGTH) {
            return fallback;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(languages);
        } catch (IllegalArgumentException malformed) {
            return fallback;
        }
        for (Locale.LanguageRange r : ranges) { // parse() sorts by quality, highest first
            if (r.getWeight() <= 0) {
                continue;
            }
            String tag = r.getRange().toLowerCase(Locale.ROOT);
            for (String a : available) {
                if (a.toLowerCase(Locale.ROOT).equals(tag)) {
                    return a;
                }
            }
            int dash = tag.indexOf('-');
            String primary = dash < 0 ? tag : tag.substring(0, dash);
            for (String a : available) {
                if (a.toLowerCase(Locale.ROOT).equals(primary)) {
                    return a;
                }
            }
        }
        return fallback;
    }
}
