package org.careleaf.web.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text into HTML: everything escaped, and {@code **bold**} as the only markup content may use. */
final class Html {

    private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");

    private Html() {
    }

    /** Escapes the five characters that can end text or an attribute value; null becomes empty. */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            String r = switch (s.charAt(i)) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (r != null && sb == null) {
                sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (sb != null) {
                if (r != null) {
                    sb.append(r);
                } else {
                    sb.append(s.charAt(i));
                }
            }
        }
        return sb == null ? s : sb.toString();
    }

    /** Content text: escaped first, so the only tags in the result are the {@code strong} made here. */
    static String inline(String s) {
        Matcher m = BOLD.matcher(escape(s));
        return m.replaceAll(r -> "<strong>" + Matcher.quoteReplacement(r.group(1)) + "</strong>");
    }

    /** {@code name="value"} with a leading space and the value escaped. */
    static String attr(String name, String value) {
        return " " + name + "=\"" + escape(value) + "\"";
    }
}
