package org.careleaf.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.careleaf.model.Identifiers;
import org.junit.jupiter.api.Test;

/** The hand-written id, language-tag and hash checks accept exactly what the formats' regular expressions accept. */
class PlainChecksTest {

    /** The source-hash format as translations document it. */
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{16}");

    /** Every string up to {@code max} characters over {@code alphabet}. */
    private static List<String> all(String alphabet, int max) {
        List<String> out = new ArrayList<>(List.of(""));
        List<String> level = List.of("");
        for (int len = 1; len <= max; len++) {
            List<String> next = new ArrayList<>();
            for (String s : level) {
                for (char c : alphabet.toCharArray()) {
                    next.add(s + c);
                }
            }
            out.addAll(next);
            level = next;
        }
        return out;
    }

    @Test
    void idCheckMatchesThePublishedPattern() {
        int checked = 0;
        for (String s : all("a9-Z_é", 5)) {
            assertEquals(Identifiers.ID.matcher(s).matches(), Identifiers.isId(s), () -> "'" + s + "'");
            checked++;
        }
        assertEquals(9331, checked);
        assertTrue(Identifiers.isId("a".repeat(Identifiers.MAX_ID)));
        assertFalse(Identifiers.isId("a".repeat(Identifiers.MAX_ID + 1)));
        assertFalse(Identifiers.isId(null));
    }

    private static void sameAsLanguagePattern(String s) {
        boolean expected = s.length() <= Identifiers.MAX_LANGUAGE_TAG && Identifiers.LANGUAGE_TAG.matcher(s).matches();
        assertEquals(expected, Identifiers.isLanguageTag(s), () -> "'" + s + "'");
    }

    @Test
    void languageTagCheckMatchesThePublishedPatternOnEveryShortString() {
        List<String> strings = all("aZ9-_é", 6);
        strings.forEach(PlainChecksTest::sameAsLanguagePattern);
        assertEquals(55987, strings.size());
    }

    @Test
    void languageTagCheckMatchesThePublishedPatternOnLongerTags() {
        for (String s : List.of("en", "es", "zh-Hant", "ZH-hant-TW", "pt-BR", "fil", "fil-PH", "en-US-x1-ab",
                "en-US-x1-ab-cd", "abcd", "en-abcdefgh", "en-abcdefghi", "en--US", "en-", "-en", "en_US", "e",
                "en-a", "sr-Latn-RS", "de-CH-1996", "en-0123456789", "123", "en-US ", " en")) {
            sameAsLanguagePattern(s);
        }
        String tail = "-abcdefgh".repeat(3);
        sameAsLanguagePattern("abc" + tail);
        sameAsLanguagePattern("abc" + tail + "-ab");
        assertFalse(Identifiers.isLanguageTag(null));
        assertFalse(Identifiers.isLanguageTag("en" + "-ab".repeat(20)));
    }

    @Test
    void hashCheckMatchesThePattern() {
        for (String s : List.of("0123456789abcdef", "0123456789abcdeF", "0123456789abcde", "0123456789abcdef0",
                "g123456789abcdef", "", "ffffffffffffffff", "0000000000000000", "012345678-abcdef")) {
            assertEquals(HASH.matcher(s).matches(), TranslationValidator.isHash(s), s);
        }
        for (String s : all("0f-G", 4)) {
            String h = "0123456789ab" + s; // 12 to 16 characters, the tail varied
            assertEquals(HASH.matcher(h).matches(), TranslationValidator.isHash(h), h);
        }
    }
}
