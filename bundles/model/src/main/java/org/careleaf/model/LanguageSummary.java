package org.careleaf.model;

/**
 * One language the catalog serves, and how much of the enabled library is translated into it.
 *
 * @param locale the language tag
 * @param source true for the language the modules are written in (the counts are then zero)
 * @param modules enabled modules with a translation into it
 * @param parts parts of the enabled modules (see {@link Completeness})
 */
public record LanguageSummary(String locale, boolean source, int modules, int parts, int translated, int stale,
        int missing) {
}
