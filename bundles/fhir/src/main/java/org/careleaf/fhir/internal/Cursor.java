package org.careleaf.fhir.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The {@code _cursor} of a next link, opaque to clients. Library pages carry the catalog's own page cursor
 * (a position in the module order, so pages stay stable while modules come and go) and how many languages
 * of the next module the previous page already gave; filtered searches built in memory carry an offset.
 *
 * @param after the catalog's cursor, or null for the start (library pages)
 * @param skip resources of the first module to leave out (library pages), or the offset (others)
 */
record Cursor(boolean library, String after, int skip) {

    static final Cursor START = new Cursor(true, null, 0);

    String encode() {
        if (!library) {
            return "o" + skip;
        }
        String a = after == null ? "" : Base64.getUrlEncoder().withoutPadding().encodeToString(after.getBytes(StandardCharsets.UTF_8));
        return "c" + a + "." + skip;
    }

    static Cursor decode(String s, boolean library) {
        if (s == null) {
            return library ? START : new Cursor(false, null, 0);
        }
        try {
            if (library && s.startsWith("c") && s.indexOf('.') > 0) {
                int dot = s.lastIndexOf('.');
                String a = s.substring(1, dot);
                int skip = Integer.parseInt(s.substring(dot + 1));
                String after = a.isEmpty() ? null : new String(Base64.getUrlDecoder().decode(a), StandardCharsets.UTF_8);
                if (skip >= 0 && skip < 10_000) {
                    return new Cursor(true, after, skip);
                }
            } else if (!library && s.startsWith("o")) {
                int offset = Integer.parseInt(s.substring(1));
                if (offset >= 0) {
                    return new Cursor(false, null, offset);
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the 400 below (NumberFormatException is one)
        }
        throw FhirException.invalid("_cursor='" + s + "' is not one a next link of this search gave");
    }
}
