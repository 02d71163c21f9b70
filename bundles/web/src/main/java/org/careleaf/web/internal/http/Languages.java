package org.careleaf.web.internal.http;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** What the surfaces need to know about a language tag to show it: its direction and its own name. */
public final class Languages {

    private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "he", "fa", "ur", "yi", "ps", "sd", "ug", "dv");

    /**
     * Names the JDK gets wrong or leaves empty for the languages Careleaf ships or expects, in the
     * language itself, as a reader looking for it would recognise it.
     */
    private static final Map<String, String> OWN_NAMES = Map.ofEntries(
            Map.entry("en", "English"),
            Map.entry("ar", "العربية"),
            Map.entry("tl", "Tagalog"),
            Map.entry("ht", "Kreyòl ayisyen"),
            Map.entry("zh-Hans", "简体中文"),
            Map.entry("zh-Hant", "繁體中文"),
            Map.entry("pt-BR", "Português (Brasil)"),
            Map.entry("pt-PT", "Português (Portugal)"));

    private Languages() {
    }

    public static boolean isRightToLeft(String tag) {
        if (tag == null) {
            return false;
        }
        int dash = tag.indexOf('-');
        String primary = (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(Locale.ROOT);
        return RIGHT_TO_LEFT.contains(primary) || tag.contains("-Arab") || tag.contains("-Hebr");
    }

    public static String dir(String tag) {
        return isRightToLeft(tag) ? "rtl" : "ltr";
    }

    /** A language's name in that language ({@code es} → Español, {@code ko} → 한국어). */
    public static String ownName(String tag) {
        String known = OWN_NAMES.get(tag);
        if (known != null) {
            return known;
        }
        Locale l = Locale.forLanguageTag(tag);
        String name = l.getDisplayName(l);
        if (name.isBlank() || name.equalsIgnoreCase(tag)) {
            return tag;
        }
        // "español" as a menu entry reads "Español"; scripts without case are left as they are
        return name.substring(0, name.offsetByCodePoints(0, 1)).toUpperCase(l) + name.substring(name.offsetByCodePoints(0, 1));
    }
}
