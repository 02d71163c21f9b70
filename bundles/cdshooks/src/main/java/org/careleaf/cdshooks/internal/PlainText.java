package org.careleaf.cdshooks.internal;

/**
 * Module text for cards, which show plain text (summary) and GitHub Flavored Markdown (detail): the
 * content's one inline markup, {@code **bold**}, dropped; Markdown escaped; XML escaped for narrative.
 */
final class PlainText {

    private PlainText() {
    }

    /** The text without {@code **} markers; null stays null. */
    static String of(String marked) {
        return marked == null ? null : marked.replace("**", "");
    }

    /** At most {@code max} code points; a cut text ends in an ellipsis, within the limit. */
    static String truncate(String s, int max) {
        if (s == null || s.codePointCount(0, s.length()) <= max) {
            return s;
        }
        int end = s.offsetByCodePoints(0, max - 1);
        return s.substring(0, end).stripTrailing() + "\u2026";
    }

    /**
     * Plain text that GitHub Flavored Markdown shows as written: the characters that start emphasis,
     * code, links, HTML, tables, strike-through or entities are backslash-escaped, and so is a leading
     * character that would start a heading, list or quote.
     */
    static String markdown(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("\\`*_[]<>|~&".indexOf(c) >= 0 || i == 0 && "#-+=".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c == '\n' || c == '\r' ? ' ' : c);
        }
        // "1. text" at the start would become an ordered list
        if (!sb.isEmpty() && Character.isDigit(sb.charAt(0))) {
            int i = 0;
            while (i < sb.length() && Character.isDigit(sb.charAt(i))) {
                i++;
            }
            if (i < sb.length() && (sb.charAt(i) == '.' || sb.charAt(i) == ')')) {
                sb.insert(i, '\\');
            }
        }
        return sb.toString();
    }

    /** The characters XML may carry (control characters and the like dropped); the writer escapes the rest. */
    static String xmlChars(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF
                || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF).forEach(sb::appendCodePoint);
        return sb.toString();
    }
}
