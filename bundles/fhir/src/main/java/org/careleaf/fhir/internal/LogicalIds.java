package org.careleaf.fhir.internal;

import java.util.List;
import java.util.Optional;

import org.careleaf.model.Identifiers;

/**
 * The logical id of a module in one language, {@code {moduleId}-{language}} ({@code mpc-overview-es},
 * {@code mpc-overview-pt-BR}). Module ids are lower case and the subtags after a language's first are a
 * capitalised script, an upper-case region or digits, so no two (module, language) pairs share an id.
 */
final class LogicalIds {

    /** FHIR's id type: 1 to 64 letters, digits, hyphens and dots. */
    static final int MAX = 64;

    record Parsed(String moduleId, String language) {
    }

    private LogicalIds() {
    }

    static String of(String moduleId, String language) {
        return moduleId + "-" + language;
    }

    /** Splits an id against the languages served; empty when it names none of them. */
    static Optional<Parsed> parse(String id, List<String> languages) {
        if (id == null || id.length() > MAX + Identifiers.MAX_LANGUAGE_TAG) {
            return Optional.empty();
        }
        for (String l : languages) {
            String suffix = "-" + l;
            if (id.endsWith(suffix)) {
                String module = id.substring(0, id.length() - suffix.length());
                if (Identifiers.isId(module)) {
                    return Optional.of(new Parsed(module, l));
                }
            }
        }
        return Optional.empty();
    }
}
