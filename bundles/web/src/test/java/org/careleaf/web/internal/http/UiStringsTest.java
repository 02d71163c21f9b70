package org.careleaf.web.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;

import org.careleaf.model.ViewerText;
import org.junit.jupiter.api.Test;

class UiStringsTest {

    private static UiStrings spanish(Map<String, String> strings) {
        return UiStrings.of("es", Optional.of(new ViewerText(1, "es", org.careleaf.model.TranslationStatus.MACHINE_ASSISTED, "nota", strings)));
    }

    @Test
    void englishDefaultsComeFromTheBundle() {
        assertTrue(UiStrings.english().size() >= 30);
        assertEquals("Get help now", UiStrings.of("en", Optional.empty()).text("callout.urgent"));
    }

    @Test
    void fallsBackToEnglishKeyByKey() {
        UiStrings ui = spanish(Map.of("nav.back", "Todos los temas", "nav.skip", " "));
        assertEquals("Todos los temas", ui.text("nav.back"));
        assertEquals("es", ui.lang("nav.back"));
        assertEquals("Skip to main content", ui.text("nav.skip"));
        assertEquals("en", ui.lang("nav.skip"));
    }

    @Test
    void fillsPlaceholdersOnce() {
        UiStrings ui = spanish(Map.of("review.reviewed", "Revisado por {0} el {1}."));
        assertEquals("Revisado por Dr {1} el hoy.", ui.text("review.reviewed", "Dr {1}", "hoy"));
    }

    @Test
    void piecesCutTheStringAtItsPlaceholders() {
        UiStrings ui = spanish(Map.of("review.reviewed", "Revisado por {0} el {1}."));
        assertEquals(java.util.List.of("Revisado por ", 0, " el ", 1, "."), ui.pieces("review.reviewed"));
        assertEquals(java.util.List.of("Todos"), spanish(Map.of("nav.back", "Todos")).pieces("nav.back"));
    }

    @Test
    void everyKeyTheTemplatesUseExists() throws Exception {
        java.util.regex.Pattern used = java.util.regex.Pattern.compile("<@ui (?:key=)?\"([a-z0-9.-]*[a-z0-9])\"[ /]");
        for (String t : new String[] {"layout", "index", "module", "search", "error"}) {
            String text;
            try (var in = UiStrings.class.getResourceAsStream("/templates/viewer/" + t + ".ftlh")) {
                text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            java.util.regex.Matcher m = used.matcher(text);
            while (m.find()) {
                assertTrue(UiStrings.english().containsKey(m.group(1)), t + ": " + m.group(1));
            }
        }
    }
}
