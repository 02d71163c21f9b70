package org.careleaf.catalog.internal;

/** Small text helpers for messages about content. */
final class PlainTexts {

    private PlainTexts() {
    }

    /** At most {@code max} characters of {@code s}, ending in an ellipsis when cut. */
    static String shorten(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        return s.substring(0, Math.max(0, max - 1)) + "\u2026";
    }
}
