package org.careleaf.web.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

class LanguagesTest {

    @Test
    void everyLanguageIsNamedInItself() {
        Map<String, String> expected = Map.ofEntries(Map.entry("en", "English"), Map.entry("es", "Español"),
                Map.entry("fr", "Français"), Map.entry("de", "Deutsch"), Map.entry("ar", "العربية"),
                Map.entry("it", "Italiano"), Map.entry("pt", "Português"), Map.entry("pl", "Polski"),
                Map.entry("ru", "Русский"), Map.entry("vi", "Tiếng Việt"), Map.entry("ko", "한국어"),
                Map.entry("ja", "日本語"), Map.entry("hi", "हिन्दी"), Map.entry("tl", "Tagalog"),
                Map.entry("ht", "Kreyòl ayisyen"), Map.entry("zh-Hans", "简体中文"), Map.entry("zh-Hant", "繁體中文"));
        expected.forEach((tag, name) -> assertEquals(name, Languages.ownName(tag), tag));
    }

    @Test
    void anUnknownTagIsShownAsItIs() {
        assertEquals("zz", Languages.ownName("zz"));
    }

    @Test
    void directionFollowsTheScript() {
        assertTrue(Languages.isRightToLeft("ar"));
        assertTrue(Languages.isRightToLeft("fa"));
        assertTrue(Languages.isRightToLeft("he-IL"));
        assertFalse(Languages.isRightToLeft("fr"));
        assertFalse(Languages.isRightToLeft("zh-Hant"));
        assertEquals("rtl", Languages.dir("ur"));
    }
}
