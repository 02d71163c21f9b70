package org.careleaf.model;

/**
 * How much of one module is translated into one language. Parts are the title, the summary, each
 * section title (the key points' too) and each block.
 *
 * @param status the translation's status, or {@code MISSING} when there is none
 * @param translated parts with a current translation
 * @param stale parts translated from older source text (served in the source language)
 * @param missing parts with no translation (served in the source language)
 */
public record Completeness(String module, String locale, TranslationStatus status, int total, int translated,
        int stale, int missing) {
}
