package org.careleaf.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.careleaf.model.ViewerText;

/**
 * The viewer's interface strings in one language: the localisation bundle's translation where it has
 * the key, else the English default shipped in this bundle ({@code ui/ui.en.json}), key by key.
 */
final class UiStrings {

    static final String DEFAULT_LOCALE = "en";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d)\\}");
    private static final Map<String, String> ENGLISH = load("/ui/ui.en.json");

    private final String locale;
    private final Map<String, String> translated;

    private UiStrings(String locale, Map<String, String> translated) {
        this.locale = locale;
        this.translated = translated;
    }

    static UiStrings of(String locale, Optional<ViewerText> text) {
        return new UiStrings(locale, text.map(ViewerText::strings).orElse(Map.of()));
    }

    /** The English defaults, for tests and for checking that a key exists. */
    static Map<String, String> english() {
        return ENGLISH;
    }

    /** The string, plain and unescaped, with {@code {0}}, {@code {1}} … replaced by {@code args}. */
    String text(String key, String... args) {
        return fill(raw(key), args);
    }

    /** The string escaped for HTML; {@code htmlArgs} are inserted as they are, so escape them first. */
    String html(String key, String... htmlArgs) {
        return fill(Html.escape(raw(key)), htmlArgs);
    }

    /** The language the string is in: the reader's, or English where the translation lacks the key. */
    String lang(String key) {
        String t = translated.get(key);
        return t != null && !t.isBlank() ? locale : DEFAULT_LOCALE;
    }

    private String raw(String key) {
        String t = translated.get(key);
        if (t != null && !t.isBlank()) {
            return t;
        }
        String en = ENGLISH.get(key);
        if (en == null) {
            throw new IllegalArgumentException("no viewer string " + key + " in ui.en.json");
        }
        return en;
    }

    /** One pass, so an argument that itself contains "{1}" is never filled again. */
    private static String fill(String template, String... args) {
        Matcher m = PLACEHOLDER.matcher(template);
        return m.replaceAll(r -> {
            int i = Integer.parseInt(r.group(1));
            return Matcher.quoteReplacement(i < args.length ? args[i] : r.group());
        });
    }

    private static Map<String, String> load(String resource) {
        try (InputStream in = UiStrings.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the bundle lacks " + resource);
            }
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                JsonObject strings = JsonParser.parseReader(r).getAsJsonObject().getAsJsonObject("strings");
                Map<String, String> map = new LinkedHashMap<>();
                strings.entrySet().forEach(e -> map.put(e.getKey(), e.getValue().getAsString()));
                return Map.copyOf(map);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
