package org.careleaf.model;

import java.util.Map;

/**
 * One content pack as a list of topics shows it.
 *
 * @param pack the pack id, e.g. {@code mpc}
 * @param title the title of the pack's first overview module (or first module) in the reader's language
 * @param modules how many enabled modules it has
 * @param byCategory how many of them are in each category
 */
public record PackSummary(String pack, String title, int modules, Map<Category, Integer> byCategory) {

    public PackSummary {
        byCategory = Map.copyOf(byCategory);
    }
}
