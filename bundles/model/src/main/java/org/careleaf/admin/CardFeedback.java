package org.careleaf.admin;

import java.util.Map;

/**
 * The feedback on one module's cards.
 *
 * @param moduleId the module the cards pointed to
 * @param accepted cards whose suggestion (give this education) was accepted
 * @param overridden cards dismissed
 * @param overrideReasons of the dismissed cards, how many gave each reason Careleaf offers
 *        ({@code already-given}, {@code not-relevant}, {@code patient-declined}, or {@code other})
 * @param lastAt when the latest feedback arrived, ISO-8601 UTC; null when none has
 */
public record CardFeedback(String moduleId, long accepted, long overridden, Map<String, Long> overrideReasons,
        String lastAt) {

    public CardFeedback {
        overrideReasons = Map.copyOf(overrideReasons);
    }
}
