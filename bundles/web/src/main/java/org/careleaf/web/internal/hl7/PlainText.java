package org.careleaf.web.internal.hl7;

/** Module text for the Infobutton feed, which carries plain text only (Atom {@code type="text"}). */
final class PlainText {

    private PlainText() {
    }

    /** The text without the content's one inline markup, {@code **bold**}; null stays null. */
    static String of(String marked) {
        return marked == null ? null : marked.replace("**", "");
    }

    /**
     * The text without the characters XML 1.0 cannot carry at all (most control characters): an XML writer
     * escapes markup, but it cannot escape those, and one would make the whole feed unreadable.
     */
    static String xmlSafe(String s) {
        if (s == null) {
            return "";
        }
        return s.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF
                || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
