package org.careleaf.catalog.internal;

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
    void unknownOrMalformedFallsBackToTheDefault() {
        assertEquals("en", resolve("ja"));
        assertEquals("en", resolve("*"));
        assertEquals("en", resolve(""));
        assertEquals("en", resolve(null));
        assertEquals("en", resolve("es;q=abc"));
        assertEquals("en", resolve("x".repeat(300)));
    }
}
