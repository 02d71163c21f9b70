package org.careleaf.catalog.internal.library;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Picks the language to serve from an {@code Accept-Language} value or a single tag: for each range, by
 * quality, the tag itself, then the tag with its last subtag dropped, and so on, where each step also
 * tries the tag that names the same writing: {@code zh-CN} and {@code zh-SG} are written in Simplified
 * Chinese ({@code zh-Hans}), {@code zh-TW}, {@code zh-HK} and {@code zh-MO} in Traditional
 * ({@code zh-Hant}), {@code fil} is served as Tagalog ({@code tl}). Otherwise the default. Malformed
 * values fall back to the default rather than fail.
 */
public final class LocaleResolver {

    /** Longer preferences are not a reader's: refuse to spend work on them. */
    static final int MAX_LENGTH = 256;

    /** Tags (lower case) and the tag of the language Careleaf serves their readers in. */
    private static final Map<String, String> SAME_WRITING = Map.ofEntries(
            Map.entry("zh", "zh-Hans"),
            Map.entry("zh-cn", "zh-Hans"),
            Map.entry("zh-sg", "zh-Hans"),
            Map.entry("zh-my", "zh-Hans"),
            Map.entry("zh-tw", "zh-Hant"),
            Map.entry("zh-hk", "zh-Hant"),
            Map.entry("zh-mo", "zh-Hant"),
            Map.entry("fil", "tl"),
            Map.entry("iw", "he"),
            Map.entry("in", "id"),
            Map.entry("ji", "yi"));

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
            if (r.getWeight() <= 0 || r.getRange().startsWith("*")) {
                continue;
            }
            for (String candidate : candidates(r.getRange())) {
                for (String a : available) {
                    if (a.equalsIgnoreCase(candidate)) {
                        return a;
                    }
                }
            }
        }
        return fallback;
    }

    /** The tag, then ever shorter prefixes of it, each followed by the tag written the same way. */
    static List<String> candidates(String range) {
        List<String> out = new ArrayList<>();
        String tag = range.toLowerCase(Locale.ROOT);
        while (true) {
            out.add(tag);
            String same = SAME_WRITING.get(tag);
            if (same != null) {
                out.add(same);
            }
            int dash = tag.lastIndexOf('-');
            if (dash < 0) {
                return out;
            }
            tag = tag.substring(0, dash);
        }
    }
}
