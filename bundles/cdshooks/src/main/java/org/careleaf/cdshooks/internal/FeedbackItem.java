package org.careleaf.cdshooks.internal;

import java.time.Instant;

/**
 * One feedback item, read: which card, what the clinician did, and (when a card was dismissed) which of
 * Careleaf's override reasons they chose: one of {@link Cards#OVERRIDE_REASONS}, {@code other} for a reason
 * of the client's own, or null for none. The user's comment is never kept.
 */
record FeedbackItem(String card, boolean accepted, String overrideReason, Instant at) {
}
