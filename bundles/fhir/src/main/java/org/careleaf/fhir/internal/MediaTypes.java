package org.careleaf.fhir.internal;

import java.util.Locale;

/**
 * Content negotiation as FHIR's http page asks: {@code _format} wins over {@code Accept}; JSON is served
 * ({@code application/fhir+json}, or {@code application/json} when that is what the client named); a
 * client that accepts only something else (XML, Turtle, HTML) gets 406 with an OperationOutcome in JSON.
 */
final class MediaTypes {

    static final String FHIR_JSON = "application/fhir+json";
    static final String JSON = "application/json";

    private MediaTypes() {
    }

    /** The content type to answer in, or throws a 406. */
    static String negotiate(String format, String accept) {
        if (format != null && !format.isBlank()) {
            String f = base(format);
            return switch (f) {
                case "json", FHIR_JSON, "application/json+fhir" -> FHIR_JSON;
                case JSON -> JSON;
                default -> throw FhirException.notSupported(406,
                        "_format '" + format + "' is not supported: this server answers JSON only (_format=json)");
            };
        }
        if (accept == null || accept.isBlank()) {
            return FHIR_JSON;
        }
        boolean json = false;
        boolean fhirJson = false;
        for (String part : accept.split(",")) {
            String type = base(part);
            if (quality(part) <= 0) {
                continue;
            }
            switch (type) {
                case FHIR_JSON, "application/json+fhir", "*/*", "application/*" -> fhirJson = true;
                case JSON -> json = true;
                default -> {
                    // another type the client also accepts; JSON may still be among them
                }
            }
        }
        if (fhirJson) {
            return FHIR_JSON;
        }
        if (json) {
            return JSON;
        }
        throw FhirException.notSupported(406, "none of the types in Accept ('" + accept
                + "') is served: this server answers application/fhir+json or application/json");
    }

    private static String base(String mediaRange) {
        int semi = mediaRange.indexOf(';');
        String t = semi < 0 ? mediaRange : mediaRange.substring(0, semi);
        return t.trim().toLowerCase(Locale.ROOT);
    }

    private static double quality(String mediaRange) {
        for (String p : mediaRange.split(";")) {
            String s = p.trim();
            if (s.startsWith("q=")) {
                try {
                    return Double.parseDouble(s.substring(2));
                } catch (NumberFormatException e) {
                    return 1;
                }
            }
        }
        return 1;
    }
}
