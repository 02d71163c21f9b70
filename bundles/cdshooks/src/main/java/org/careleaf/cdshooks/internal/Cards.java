package org.careleaf.cdshooks.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.careleaf.model.CatalogView;
import org.careleaf.model.Code;
import org.careleaf.model.CodeSystems;
import org.careleaf.model.ModuleView;

/**
 * The answer to a hook call: one card per module that carries any of the call's codes (the catalog's
 * one look-up rule, {@link CatalogView#modulesFor}), in module order, at most {@link #MAX_CARDS}. Each card
 * links to the module in the patient's language and offers one suggestion, "give this education", whose
 * action creates a {@link EducationRequest CommunicationRequest}.
 */
final class Cards {

    static final int MAX_CARDS = 10;
    /** CDS Hooks: the summary is under 140 characters. */
    static final int MAX_SUMMARY = 139;
    static final String SOURCE_LABEL = "Careleaf patient education";
    static final String LINK_LABEL = "Open for the patient";
    static final String SUGGESTION_LABEL = "Give this education to the patient";
    static final String TOPIC_SYSTEM = "urn:careleaf:cds-hooks:topic";
    static final String OVERRIDE_SYSTEM = "urn:careleaf:cds-hooks:override-reason";
    /** The reasons a clinician may give for dismissing a card; feedback counts them per module. */
    static final Map<String, String> OVERRIDE_REASONS = overrideReasons();

    /** A card as issued, for the feedback endpoint: its uuid, its suggestion's uuid, its module. */
    record Issued(String card, String suggestion, String moduleId) {
    }

    /** The response body, and what it issued. */
    record Answer(JsonObject body, List<Issued> issued) {
    }

    private Cards() {
    }

    static Answer build(HookCall call, CatalogView view, Links links, Instant now) {
        List<Code> codes = call.findings().stream().map(f -> new Code(f.system(), f.code(), null)).distinct().toList();
        List<ModuleView> modules = view.modulesFor(codes, List.of()).modules();
        JsonArray cards = new JsonArray();
        List<Issued> issued = new ArrayList<>();
        for (ModuleView v : modules.subList(0, Math.min(MAX_CARDS, modules.size()))) {
            Issued i = uuids(call, v.id());
            cards.add(card(call, v, links, i, reasons(call, v), now));
            issued.add(i);
        }
        JsonObject body = new JsonObject();
        body.add("cards", cards);
        return new Answer(body, List.copyOf(issued));
    }

    /**
     * Name-based uuids: the same hook call and module always give the same card, so a client that retries
     * gets the same uuids, and nothing about the patient is in them.
     */
    static Issued uuids(HookCall call, String moduleId) {
        String card = UUID.nameUUIDFromBytes((call.hook().serviceId() + "\n" + call.hookInstance() + "\n" + moduleId)
                .getBytes(StandardCharsets.UTF_8)).toString();
        String suggestion = UUID.nameUUIDFromBytes((card + "\ngive").getBytes(StandardCharsets.UTF_8)).toString();
        return new Issued(card, suggestion, moduleId);
    }

    /** The findings this module carries: why the card is shown. */
    private static List<Finding> reasons(HookCall call, ModuleView v) {
        return call.findings().stream().filter(f -> CodeSystems.oid(f.system())
                .map(oid -> v.content().hasCode(oid, f.code())).orElse(false)).toList();
    }

    private static JsonObject card(HookCall call, ModuleView v, Links links, Issued ids, List<Finding> reasons,
            Instant now) {
        String url = links.viewer(v.id(), v.requested());
        JsonObject card = new JsonObject();
        card.addProperty("uuid", ids.card());
        card.addProperty("summary", PlainText.truncate(PlainText.of(v.content().title()), MAX_SUMMARY));
        String detail = detail(v);
        if (!detail.isBlank()) { // CDS Hooks: optional fields are omitted, never empty
            card.addProperty("detail", detail);
        }
        card.addProperty("indicator", "info");
        JsonObject source = new JsonObject();
        source.addProperty("label", SOURCE_LABEL);
        source.addProperty("url", links.library(v.requested()));
        source.add("topic", coding(TOPIC_SYSTEM, "patient-education", "Patient education"));
        card.add("source", source);

        JsonObject action = new JsonObject();
        action.addProperty("type", "create");
        action.addProperty("description", "Create a CommunicationRequest to give the patient \u201c"
                + PlainText.of(v.content().title()) + "\u201d (" + v.locale() + ")");
        action.add("resource", EducationRequest.build(call, v, url, ids.suggestion(), reasons, now));
        JsonObject suggestion = new JsonObject();
        suggestion.addProperty("label", SUGGESTION_LABEL);
        suggestion.addProperty("uuid", ids.suggestion());
        suggestion.add("actions", array(action));
        card.add("suggestions", array(suggestion));
        card.addProperty("selectionBehavior", "at-most-one");
        JsonArray reasonsOffered = new JsonArray();
        OVERRIDE_REASONS.forEach((code, display) -> reasonsOffered.add(coding(OVERRIDE_SYSTEM, code, display)));
        card.add("overrideReasons", reasonsOffered);

        JsonObject link = new JsonObject();
        link.addProperty("label", LINK_LABEL);
        link.addProperty("url", url);
        link.addProperty("type", "absolute");
        card.add("links", array(link));
        return card;
    }

    /** The module's summary, and what the patient will get when it is not a reviewed text in their language. */
    private static String detail(ModuleView v) {
        String summary = PlainText.of(v.content().summary());
        String note = switch (v.translationStatus()) {
            case MISSING, AWAITING_APPROVAL -> "Not yet available in " + v.requested() + ": the patient gets it in "
                    + v.locale() + ".";
            case MACHINE_ASSISTED -> "In " + v.locale() + ": a machine-assisted translation, not yet reviewed by a"
                    + " medical translator.";
            default -> null;
        };
        String text = summary == null || summary.isBlank() ? "" : PlainText.markdown(summary);
        if (note != null) {
            text = text.isEmpty() ? PlainText.markdown(note) : text + "\n\n" + PlainText.markdown(note);
        }
        return text;
    }

    private static JsonObject coding(String system, String code, String display) {
        JsonObject c = new JsonObject();
        c.addProperty("system", system);
        c.addProperty("code", code);
        c.addProperty("display", display);
        return c;
    }

    private static JsonArray array(JsonObject o) {
        JsonArray a = new JsonArray();
        a.add(o);
        return a;
    }

    private static Map<String, String> overrideReasons() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("already-given", "Already given to the patient");
        m.put("not-relevant", "Not relevant for this patient");
        m.put("patient-declined", "Patient declined");
        return java.util.Collections.unmodifiableMap(m);
    }
}
