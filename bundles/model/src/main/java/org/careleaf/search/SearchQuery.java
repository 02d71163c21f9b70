package org.careleaf.search;

/**
 * A reader's question.
 *
 * @param text the words as typed, 1 to {@value #MAX_TEXT} characters
 * @param languages an {@code Accept-Language} value or one tag; blank for the default language
 * @param offset hits to skip, 0 to {@value #MAX_OFFSET}
 * @param limit hits to return, 1 to {@value #MAX_LIMIT}
 */
public record SearchQuery(String text, String languages, int offset, int limit) {

    public static final int MAX_TEXT = 200;
    public static final int MAX_OFFSET = 500;
    public static final int MAX_LIMIT = 50;

    public SearchQuery {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the search text is empty");
        }
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("the search text is longer than " + MAX_TEXT + " characters");
        }
        if (offset < 0 || offset > MAX_OFFSET) {
            throw new IllegalArgumentException("offset must be between 0 and " + MAX_OFFSET);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }
}
