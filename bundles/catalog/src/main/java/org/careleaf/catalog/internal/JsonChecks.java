package org.careleaf.catalog.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import org.careleaf.model.Identifiers;

/**
 * Field checks on a parsed JSON tree that name the exact path of what is wrong. Each check records a
 * {@link Finding} and returns the value when it is usable, or null.
 */
class JsonChecks {

    static final Pattern ID = Identifiers.ID;
    static final Pattern VERSION = Pattern.compile("(0|[1-9]\\d{0,5})\\.(0|[1-9]\\d{0,5})\\.(0|[1-9]\\d{0,5})");
    static final Pattern LANGUAGE_TAG = Identifiers.CONTENT_LANGUAGE_TAG;
    /** Something that a browser could take for markup: a tag, a comment, an entity. */
    private static final Pattern MARKUP = Pattern.compile("<\\s*[a-zA-Z/!?]|&[a-zA-Z#][a-zA-Z0-9]*;");
    static final int MAX_TEXT = 4000;
    /** What a translation skeleton puts before English text that is still to be translated. */
    static final String UNTRANSLATED = "TODO-TRANSLATE";
    static final int MAX_ID = Identifiers.MAX_ID;

    final List<Finding> findings = new ArrayList<>();

    void fail(String path, String message) {
        findings.add(new Finding(path, message));
    }

    JsonElement field(JsonObject o, String path, String name, boolean required) {
        JsonElement e = o.get(name);
        if (e == null || e.isJsonNull()) {
            if (required) {
                fail(path + "." + name, "required field is missing");
            }
            return null;
        }
        return e;
    }

    JsonObject object(JsonObject o, String path, String name, boolean required) {
        JsonElement e = field(o, path, name, required);
        if (e == null) {
            return null;
        }
        if (!e.isJsonObject()) {
            fail(path + "." + name, "must be an object, found " + kind(e));
            return null;
        }
        return e.getAsJsonObject();
    }

    JsonArray array(JsonObject o, String path, String name, boolean required, boolean nonEmpty) {
        JsonElement e = field(o, path, name, required);
        if (e == null) {
            return null;
        }
        if (!e.isJsonArray()) {
            fail(path + "." + name, "must be an array, found " + kind(e));
            return null;
        }
        if (nonEmpty && e.getAsJsonArray().isEmpty()) {
            fail(path + "." + name, "must not be empty");
        }
        return e.getAsJsonArray();
    }

    JsonObject element(JsonArray a, int i, String path) {
        JsonElement e = a.get(i);
        if (!e.isJsonObject()) {
            fail(path + "[" + i + "]", "must be an object, found " + kind(e));
            return null;
        }
        return e.getAsJsonObject();
    }

    String string(JsonObject o, String path, String name, boolean required) {
        JsonElement e = field(o, path, name, required);
        if (e == null) {
            return null;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            fail(path + "." + name, "must be a string, found " + kind(e));
            return null;
        }
        return e.getAsString();
    }

    /** Plain text for readers: not blank, no markup, no control characters, not too long. */
    String text(JsonObject o, String path, String name, boolean required) {
        String s = string(o, path, name, required);
        if (s != null) {
            checkText(path + "." + name, s);
        }
        return s;
    }

    void checkText(String path, String s) {
        // one pass gathers what the checks below need: every text of every document goes through here
        boolean control = false;
        boolean markupSign = false;
        int bold = 0;
        boolean untranslated = false;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20) {
                control = true;
            } else if (c == '<' || c == '&') {
                markupSign = true;
            } else if (c == '*' && i + 1 < n && s.charAt(i + 1) == '*') {
                bold++;
                i++;
            } else if (c == 'T' && !untranslated && s.startsWith(UNTRANSLATED, i)) {
                untranslated = true;
            }
        }
        if (s.isBlank()) {
            fail(path, "text is empty");
        } else if (n > MAX_TEXT) {
            fail(path, "text is " + n + " characters long; at most " + MAX_TEXT + " are allowed");
        } else if (markupSign && MARKUP.matcher(s).find()) {
            // markup needs '<' or '&': most text never reaches the regular expression
            fail(path, "text contains HTML-like markup; write plain text (only **bold** is allowed)");
        } else if (control) {
            fail(path, "text contains a line break or control character");
        } else if (bold % 2 != 0) {
            fail(path, "unbalanced ** bold marker");
        } else if (untranslated) {
            fail(path, "this part is not translated yet (it still holds the " + UNTRANSLATED + " marker)");
        }
    }

    Integer integer(JsonObject o, String path, String name, boolean required) {
        JsonElement e = field(o, path, name, required);
        if (e == null) {
            return null;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            fail(path + "." + name, "must be a whole number, found " + kind(e));
            return null;
        }
        double d = e.getAsDouble();
        if (d != Math.rint(d) || Math.abs(d) > 1_000_000) {
            fail(path + "." + name, "must be a whole number between -1000000 and 1000000, found " + e);
            return null;
        }
        return (int) d;
    }

    String id(JsonObject o, String path, String name) {
        String s = string(o, path, name, true);
        if (s != null && !Identifiers.isId(s)) {
            fail(path + "." + name, "'" + s + "' is not a valid id: use lower-case letters, digits and single hyphens, at most "
                    + MAX_ID + " characters");
            return null;
        }
        return s;
    }

    String oneOf(JsonObject o, String path, String name, boolean required, Set<String> allowed) {
        String s = string(o, path, name, required);
        if (s != null && !allowed.contains(s)) {
            fail(path + "." + name, "'" + s + "' is not one of " + String.join(", ", allowed.stream().sorted().toList()));
            return null;
        }
        return s;
    }

    String pattern(JsonObject o, String path, String name, boolean required, Pattern p, String what) {
        String s = string(o, path, name, required);
        if (s != null && !p.matcher(s).matches()) {
            fail(path + "." + name, "'" + s + "' is not " + what);
            return null;
        }
        return s;
    }

    LocalDate date(JsonObject o, String path, String name, boolean required) {
        String s = string(o, path, name, required);
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            fail(path + "." + name, "'" + s + "' is not a date in the form YYYY-MM-DD");
            return null;
        }
    }

    void httpsUrl(JsonObject o, String path, String name) {
        String s = string(o, path, name, true);
        if (s == null) {
            return;
        }
        try {
            URI u = new URI(s);
            if (!"https".equals(u.getScheme()) || u.getHost() == null || !u.getHost().contains(".")) {
                fail(path + "." + name, "'" + s + "' is not an https URL with a host name");
            }
        } catch (URISyntaxException e) {
            fail(path + "." + name, "'" + s + "' is not a valid URL: " + e.getReason());
        }
    }

    /** Fields the format does not know are reported: a typo must not silently drop content. */
    void onlyKnown(JsonObject o, String path, Set<String> known) {
        for (String k : o.keySet()) {
            if (!known.contains(k)) {
                fail(path + "." + k, "unknown field");
            }
        }
    }

    static String kind(JsonElement e) {
        if (e.isJsonNull()) {
            return "null";
        }
        if (e.isJsonObject()) {
            return "an object";
        }
        if (e.isJsonArray()) {
            return "an array";
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        if (p.isBoolean()) {
            return "a boolean";
        }
        return p.isNumber() ? "a number" : "a string";
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
