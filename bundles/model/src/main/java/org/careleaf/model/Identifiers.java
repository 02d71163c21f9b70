package org.careleaf.model;

import java.util.regex.Pattern;

/**
 * The forms of the identifiers content and requests carry, in one place: module, section and block
 * ids, clinical codes and language tags.
 */
public final class Identifiers {

    /** Module, section and block ids: lower-case letters and digits in words joined by single hyphens. */
    public static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    public static final int MAX_ID = 64;
    /** A clinical code as content carries it (C61, 399068003, L02BB04). */
    public static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.\\-]{0,31}");
    /** A language tag as content writes it: {@code en}, {@code zh-Hant}, {@code pt-BR}. */
    public static final Pattern CONTENT_LANGUAGE_TAG = Pattern.compile("[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|\\d{3}))?");
    /** A language tag as a request may send it, in any case: {@code es}, {@code ZH-hant-TW}. */
    public static final Pattern LANGUAGE_TAG = Pattern.compile("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8}){0,3}");
    public static final int MAX_LANGUAGE_TAG = 35;

    private Identifiers() {
    }

    /** As {@link #ID} has it, without a matcher: every document's ids and every request's module id ask. */
    public static boolean isId(String s) {
        int n = s == null ? 0 : s.length();
        if (n == 0 || n > MAX_ID) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '-') {
                if (i == 0 || i == n - 1 || s.charAt(i - 1) == '-') {
                    return false;
                }
            } else if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    public static boolean isCode(String s) {
        return s != null && CODE.matcher(s).matches();
    }

    /** As {@link #LANGUAGE_TAG} has it, without a matcher: every request with a language asks. */
    public static boolean isLanguageTag(String s) {
        if (s == null || s.length() > MAX_LANGUAGE_TAG) {
            return false;
        }
        int n = s.length();
        int i = 0;
        while (i < n && isAsciiLetter(s.charAt(i))) {
            i++;
        }
        if (i < 2 || i > 3) {
            return false;
        }
        for (int subtags = 0; i < n; subtags++) {
            if (subtags == 3 || s.charAt(i) != '-') {
                return false;
            }
            int start = ++i;
            while (i < n && (isAsciiLetter(s.charAt(i)) || s.charAt(i) >= '0' && s.charAt(i) <= '9')) {
                i++;
            }
            if (i - start < 2 || i - start > 8) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /**
     * The reader's language preference, the rule every surface follows: an explicit language (the
     * {@code lang} parameter, or Infobutton's {@code informationRecipient.languageCode.c}) when given,
     * else the {@code Accept-Language} header; empty for the default language.
     */
    public static String languagePreference(String explicit, String acceptLanguage) {
        if (explicit != null && !explicit.isBlank()) {
            return explicit.trim();
        }
        return acceptLanguage == null ? "" : acceptLanguage;
    }
}
