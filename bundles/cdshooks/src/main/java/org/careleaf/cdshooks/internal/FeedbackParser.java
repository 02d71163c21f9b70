package org.careleaf.cdshooks.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Reads a CDS Hooks 2.0 feedback request: {@code {"feedback": [{"card", "outcome", "acceptedSuggestions",
 * "overrideReason", "outcomeTimestamp"}]}}. Only what the counts need is kept; free text never is.
 */
final class FeedbackParser {

    static final int MAX_ITEMS = 100;
    private static final int MAX_ID = 128;

    private FeedbackParser() {
    }

    static List<FeedbackItem> parse(String body) throws RequestRejected {
        JsonObject root = Json.parseObject(body);
        JsonArray items = Json.optionalArray(root, "feedback", "feedback");
        if (items == null || items.isEmpty()) {
            throw RequestRejected.bad("missing-feedback", "'feedback' must be a non-empty array");
        }
        if (items.size() > MAX_ITEMS) {
            throw RequestRejected.bad("too-much-feedback", "at most " + MAX_ITEMS + " feedback items per request");
        }
        List<FeedbackItem> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            out.add(item(Json.object(items.get(i), "feedback[" + i + "]"), "feedback[" + i + "]"));
        }
        return out;
    }

    private static FeedbackItem item(JsonObject o, String at) throws RequestRejected {
        String card = Json.string(o, "card", at + ".card");
        if (card == null || card.isBlank() || card.length() > MAX_ID) {
            throw RequestRejected.bad("bad-feedback", "'" + at + ".card' must be the card's uuid");
        }
        String outcome = Json.string(o, "outcome", at + ".outcome");
        boolean accepted = "accepted".equals(outcome);
        if (!accepted && !"overridden".equals(outcome)) {
            throw RequestRejected.bad("bad-feedback", "'" + at + ".outcome' must be accepted or overridden");
        }
        if (accepted) {
            JsonArray suggestions = Json.optionalArray(o, "acceptedSuggestions", at + ".acceptedSuggestions");
            if (suggestions == null || suggestions.isEmpty()) {
                throw RequestRejected.bad("bad-feedback", "'" + at + ".acceptedSuggestions' is required for an"
                        + " accepted card");
            }
            for (int j = 0; j < suggestions.size(); j++) {
                String p = at + ".acceptedSuggestions[" + j + "]";
                String id = Json.string(Json.object(suggestions.get(j), p), "id", p + ".id");
                if (id == null || id.isBlank() || id.length() > MAX_ID) {
                    throw RequestRejected.bad("bad-feedback", "'" + p + ".id' must be the suggestion's uuid");
                }
            }
        }
        String reason = accepted ? null : overrideReason(o, at);
        String when = Json.string(o, "outcomeTimestamp", at + ".outcomeTimestamp");
        Instant instant;
        try {
            instant = when == null ? null : OffsetDateTime.parse(when).toInstant();
        } catch (DateTimeParseException e) {
            instant = null;
        }
        if (instant == null) {
            throw RequestRejected.bad("bad-feedback", "'" + at + ".outcomeTimestamp' must be an ISO-8601 date-time"
                    + " such as 2026-12-01T10:15:00Z");
        }
        return new FeedbackItem(card, accepted, reason, instant);
    }

    /** Careleaf's own reason code, {@code other} for another system's, null for none. */
    private static String overrideReason(JsonObject o, String at) throws RequestRejected {
        JsonObject reason = Json.optionalObject(o, "overrideReason", at + ".overrideReason");
        if (reason == null) {
            return null;
        }
        JsonElement userComment = reason.get("userComment");
        if (userComment != null && !userComment.isJsonNull()
                && !(userComment.isJsonPrimitive() && userComment.getAsJsonPrimitive().isString())) {
            throw RequestRejected.bad("bad-feedback", "'" + at + ".overrideReason.userComment' must be a string");
        }
        JsonObject coding = Json.optionalObject(reason, "reason", at + ".overrideReason.reason");
        if (coding == null) {
            return null; // a comment alone: dismissed without one of the offered reasons
        }
        String system = Json.string(coding, "system", at + ".overrideReason.reason.system");
        String code = Json.string(coding, "code", at + ".overrideReason.reason.code");
        return Cards.OVERRIDE_SYSTEM.equals(system) && Cards.OVERRIDE_REASONS.containsKey(code) ? code : "other";
    }
}
