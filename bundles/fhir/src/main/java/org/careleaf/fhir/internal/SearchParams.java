package org.careleaf.fhir.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import org.careleaf.model.Identifiers;

/**
 * A DocumentReference search as the client asked it, checked. Repeating a parameter means AND, a comma
 * within one value means OR, as in FHIR. Unknown parameters are ignored (and left out of the self link)
 * unless the client sent {@code Prefer: handling=strict}; modifiers are refused, since none is supported.
 *
 * @param ids {@code _id}: AND of OR-lists of logical ids
 * @param codes {@code code} (alias {@code event}): AND of OR-lists of tokens on the module's codes
 * @param languages {@code language}: AND of OR-lists of language tokens
 * @param lastUpdated {@code _lastUpdated}: every bound must hold (one OR-list per parameter)
 * @param count page size, 1 to {@link #MAX_COUNT}; 0 with {@code summaryCount}
 * @param summaryCount {@code _summary=count} or {@code _count=0}: the total only
 * @param cursor {@code _cursor} from a next link, or null
 * @param query the parameters applied, for the self link
 */
record SearchParams(List<List<String>> ids, List<List<Token>> codes, List<List<Token>> languages,
        List<List<DateBound>> lastUpdated, int count, boolean summaryCount, String cursor, String query) {

    static final int DEFAULT_COUNT = 50;
    static final int MAX_COUNT = 500;
    static final String LANGUAGE_SYSTEM = "urn:ietf:bcp:47";
    private static final int MAX_VALUES = 50;
    private static final Set<String> RESULT_PARAMS = Set.of("_count", "_summary", "_cursor", "_format", "_pretty");

    static SearchParams parse(Map<String, String[]> params, boolean strict) {
        List<List<String>> ids = new ArrayList<>();
        List<List<Token>> codes = new ArrayList<>();
        List<List<Token>> languages = new ArrayList<>();
        List<List<DateBound>> lastUpdated = new ArrayList<>();
        int count = DEFAULT_COUNT;
        boolean summaryCount = false;
        String cursor = null;
        StringJoiner query = new StringJoiner("&");
        for (Map.Entry<String, String[]> p : params.entrySet()) {
            String name = p.getKey();
            String bare = name.contains(":") ? name.substring(0, name.indexOf(':')) : name;
            if (!bare.equals(name) && (isSearchParam(bare) || RESULT_PARAMS.contains(bare))) {
                throw FhirException.invalid("the modifier in '" + name + "' is not supported");
            }
            for (String value : p.getValue()) {
                if (value == null || value.isEmpty()) {
                    continue; // FHIR: an empty parameter value is ignored
                }
                switch (name) {
                    case "_id" -> ids.add(split(name, value, v -> {
                        if (!v.matches("[A-Za-z0-9\\-.]{1,100}")) {
                            throw FhirException.invalid("_id='" + v + "' is not a FHIR id");
                        }
                        return v;
                    }));
                    case "code", "event" -> codes.add(split(name, value, v -> Token.parse(v, name)));
                    case "language" -> languages.add(split(name, value, v -> language(Token.parse(v, name), v)));
                    case "_lastUpdated" -> lastUpdated.add(split(name, value, DateBound::parse));
                    case "_count" -> count = count(value);
                    case "_summary" -> {
                        if (!value.equals("count")) {
                            throw FhirException.notSupported(400, "_summary='" + value + "' is not supported; only _summary=count is");
                        }
                        summaryCount = true;
                    }
                    case "_cursor" -> cursor = value;
                    case "_format", "_pretty" -> {
                        // how to write the answer, not what to find
                    }
                    default -> {
                        if (strict) {
                            throw FhirException.notSupported(400, "the search parameter '" + name
                                    + "' is not supported (Prefer: handling=strict); see /metadata");
                        }
                        continue;
                    }
                }
                if (!name.equals("_cursor") && !name.equals("_format") && !name.equals("_pretty")) {
                    query.add(Links.encode(name) + "=" + Links.encode(value));
                }
            }
        }
        if (count == 0) {
            summaryCount = true;
        }
        return new SearchParams(ids, codes, languages, lastUpdated, count, summaryCount, cursor, query.toString());
    }

    static boolean isSearchParam(String name) {
        return switch (name) {
            case "_id", "code", "event", "language", "_lastUpdated" -> true;
            default -> false;
        };
    }

    private static Token language(Token t, String raw) {
        if (t.system() != null && !t.system().equals(LANGUAGE_SYSTEM)) {
            throw FhirException.invalid("language='" + raw + "': languages are BCP 47 tags (system " + LANGUAGE_SYSTEM + ")");
        }
        if (!Identifiers.isLanguageTag(t.code())) {
            throw FhirException.invalid("language='" + raw + "' is not a language tag such as en, es or pt-BR");
        }
        return t;
    }

    private static int count(String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n < 0) {
                throw FhirException.invalid("_count must not be negative");
            }
            return Math.min(n, MAX_COUNT); // FHIR lets a server return fewer than asked
        } catch (NumberFormatException e) {
            throw FhirException.invalid("_count='" + value + "' is not a number");
        }
    }

    private static <T> List<T> split(String name, String value, java.util.function.Function<String, T> each) {
        String[] parts = value.split(",", -1);
        if (parts.length > MAX_VALUES) {
            throw FhirException.invalid(name + " takes at most " + MAX_VALUES + " values");
        }
        List<T> out = new ArrayList<>(parts.length);
        for (String part : parts) {
            String v = part.trim();
            if (v.isEmpty()) {
                throw FhirException.invalid(name + "='" + value + "' has an empty value");
            }
            out.add(each.apply(v));
        }
        return List.copyOf(out);
    }

    boolean filtered() {
        return !ids.isEmpty() || !codes.isEmpty() || !lastUpdated.isEmpty();
    }
}
