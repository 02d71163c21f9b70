package org.careleaf.cdshooks.internal.trust;

/** Values a client chose (issuer, kid) made safe for a log line or a message: printable ASCII, short. */
final class Printable {

    private static final int MAX = 64;

    private Printable() {
    }

    static String of(String s) {
        if (s == null) {
            return "(none)";
        }
        StringBuilder sb = new StringBuilder(Math.min(s.length(), MAX));
        for (int i = 0; i < s.length() && sb.length() < MAX; i++) {
            char c = s.charAt(i);
            sb.append(c >= 0x21 && c <= 0x7e ? c : '?');
        }
        return s.length() > MAX ? sb + "..." : sb.toString();
    }
}
