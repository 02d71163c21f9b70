package org.careleaf.model;

/**
 * Which enabled modules to list, and which page of them. Every filter is optional (null); the order is
 * always {@link ModuleDocument#order()} then id, so pages are stable.
 *
 * @param pack only modules of this pack
 * @param category only modules in this category
 * @param audience only modules written for this audience
 * @param code only modules that carry this code (with {@code system})
 * @param after the {@link ModulePage#next()} cursor of the previous page; null for the first page
 * @param limit at most this many modules, 1 to {@value #MAX_LIMIT}
 */
public record ModuleQuery(String pack, Category category, Audience audience, Code code, String after, int limit) {

    public static final int MAX_LIMIT = 1000;

    public ModuleQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }

    /** The first page of every enabled module. */
    public static ModuleQuery all(int limit) {
        return new ModuleQuery(null, null, null, null, null, limit);
    }
}
