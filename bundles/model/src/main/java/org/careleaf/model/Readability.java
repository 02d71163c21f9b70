package org.careleaf.model;

import java.util.Map;

/**
 * How hard a module is to read, by a published formula for its language.
 *
 * @param formula name of the formula, e.g. {@code flesch-kincaid-grade}; null when the language has
 *        no standard formula
 * @param scale what the score means: {@code us-grade} (school grade, lower is easier) or
 *        {@code ease-0-100} (reading ease, higher is easier); null without a formula
 * @param score the module's score: the mean of its sections' scores; null without a formula
 * @param sections score per section id
 * @param note how the score was computed, or why there is none
 */
public record Readability(String formula, String scale, Double score, Map<String, Double> sections, String note) {

    public static final String US_GRADE = "us-grade";
    public static final String EASE = "ease-0-100";

    public Readability {
        sections = Map.copyOf(sections);
    }
}
