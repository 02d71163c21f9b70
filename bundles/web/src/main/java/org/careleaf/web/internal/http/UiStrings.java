package org.careleaf.web.internal.http;

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

import org.careleaf.model.CatalogView;
import org.careleaf.model.ViewerText;

/**
 * The viewer's interface strings in one language: the localisation bundle's translation where it has
 * the key, else the English default shipped in this bundle ({@code ui/ui.en.json}), key by key.
 */
public final class UiStrings {

    public static final String DEFAULT_LOCALE = "en";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d)\\}");
    private static final Map<String, String> ENGLISH = load("/ui/ui.en.json");

    private final String locale;
    private final Map<String, String> translated;

    private UiStrings(String locale, Map<String, String> translated) {
        this.locale = locale;
        this.translated = translated;
    }

    public static UiStrings of(String locale, Optional<ViewerText> text) {
        return new UiStrings(locale, text.map(ViewerText::strings).orElse(Map.of()));
    }

    /** The strings in the language of the view. */
    public static UiStrings of(CatalogView view) {
        return of(view.locale(), view.viewerText());
    }

    /** The language asked for; strings the translation lacks are in {@link #DEFAULT_LOCALE}. */
    public String locale() {
        return locale;
    }

    /** The English defaults, for tests and for checking that a key exists. */
    public static Map<String, String> english() {
        return ENGLISH;
    }

    /** The string, plain and unescaped, with {@code {0}}, {@code {1}} … replaced by {@code args}. */
    public String text(String key, String... args) {
        return fill(raw(key), args);
    }

    /**
     * The string cut at its placeholders: text, then the index of an argument, alternating, so a template
     * can put markup (a {@code <time>}) where an argument goes without building HTML in Java.
     */
    public java.util.List<Object> pieces(String key) {
        String template = raw(key);
        java.util.List<Object> out = new java.util.ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        int at = 0;
        while (m.find()) {
            out.add(template.substring(at, m.start()));
            out.add(Integer.parseInt(m.group(1)));
            at = m.end();
        }
        out.add(template.substring(at));
        return out;
    }

    /** The language the string is in: the reader's, or English where the translation lacks the key. */
    public String lang(String key) {
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
