package org.careleaf.catalog.internal.library;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class LocaleResolverTest {

    private static final List<String> AVAILABLE = List.of("en", "ar", "de", "es", "fr");

    private static String resolve(String languages) {
        return LocaleResolver.resolve(languages, AVAILABLE, "en");
    }

    @Test
    void singleTag() {
        assertEquals("es", resolve("es"));
        assertEquals("de", resolve("DE"));
    }

    @Test
    void regionalTagGetsItsLanguage() {
        assertEquals("es", resolve("es-MX"));
        assertEquals("fr", resolve("fr-CA,en;q=0.5"));
    }

    @Test
    void qualityValuesDecideTheOrder() {
        assertEquals("de", resolve("it;q=0.9,de;q=0.8,es;q=0.7"));
        assertEquals("es", resolve("de;q=0.3,es;q=0.9"));
        assertEquals("en", resolve("es;q=0,en"));
    }

    @Test
    void chineseRegionsGetTheirScript() {
        List<String> available = List.of("en", "zh-Hans", "zh-Hant", "pt", "tl");
        for (String t : List.of("zh-CN", "zh-SG", "zh", "zh-Hans", "zh-Hans-CN", "ZH-cn")) {
            assertEquals("zh-Hans", LocaleResolver.resolve(t, available, "en"), t);
        }
        for (String t : List.of("zh-TW", "zh-HK", "zh-MO", "zh-Hant", "zh-Hant-HK", "zh-tw")) {
            assertEquals("zh-Hant", LocaleResolver.resolve(t, available, "en"), t);
        }
        assertEquals("pt", LocaleResolver.resolve("pt-BR", available, "en"));
        assertEquals("pt", LocaleResolver.resolve("pt-PT", available, "en"));
        assertEquals("tl", LocaleResolver.resolve("fil", available, "en"));
        assertEquals("tl", LocaleResolver.resolve("fil-PH", available, "en"));
        assertEquals("zh-Hant", LocaleResolver.resolve("de,zh-HK;q=0.8", available, "en"));
    }

    @Test
    void unknownOrMalformedFallsBackToTheDefault() {
        assertEquals("en", resolve("ja"));
        assertEquals("en", resolve("*"));
        assertEquals("en", resolve(""));
        assertEquals("en", resolve(null));
        assertEquals("en", resolve("es;q=abc"));
        assertEquals("en", resolve("x".repeat(300)));
    }
}
