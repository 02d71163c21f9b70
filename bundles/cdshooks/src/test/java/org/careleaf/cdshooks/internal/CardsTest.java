package org.careleaf.cdshooks.internal;

import static org.careleaf.cdshooks.internal.CdsCatalog.ATC_URI;
import static org.careleaf.cdshooks.internal.CdsCatalog.ICD10CM_URI;
import static org.careleaf.cdshooks.internal.CdsCatalog.RXNORM_URI;
import static org.careleaf.cdshooks.internal.Requests.draftOrder;
import static org.careleaf.cdshooks.internal.Requests.orderHook;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.careleaf.catalog.internal.library.TestCatalog;
import org.junit.jupiter.api.Test;

/** Cards on the real catalog library: which modules, in which language, and what each card offers. */
class CardsTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:15:30.123Z");
    private static final Links LINKS = new Links("https://ehr.example.org:8443/careleaf");
    private final TestCatalog catalog = CdsCatalog.library();

    private JsonArray cards(Hook hook, String body, String acceptLanguage) throws RequestRejected {
        HookCall call = HookCallParser.parse(hook, body);
        return Cards.build(call, catalog.view(HookCallParser.languages(call, acceptLanguage)), LINKS, NOW).body()
                .getAsJsonArray("cards");
    }

    static List<String> links(JsonArray cards) {
        List<String> out = new ArrayList<>();
        for (JsonElement c : cards) {
            out.add(c.getAsJsonObject().getAsJsonArray("links").get(0).getAsJsonObject().get("url").getAsString());
        }
        return out;
    }

    static JsonObject resource(JsonObject card) {
        return card.getAsJsonArray("suggestions").get(0).getAsJsonObject().getAsJsonArray("actions").get(0)
                .getAsJsonObject().getAsJsonObject("resource");
    }

    private static String orderSelect(String system, String code, String name) {
        return orderHook("order-select", "[\"MedicationRequest/o1\"]", draftOrder("o1", system, code, name), null);
    }

    @Test
    void orderingADrugPointsToTheModuleThatNamesIt() throws Exception {
        String base = LINKS.base() + "/modules/";
        assertEquals(List.of(base + "mpc-chemotherapy?lang=en"),
                links(cards(Hook.ORDER_SELECT, orderSelect(RXNORM_URI, CdsCatalog.DOCETAXEL, "docetaxel"), "en")));
        assertEquals(List.of(base + "mpc-hormone-therapy?lang=en", base + "mpc-targeted-immunotherapy?lang=en"),
                links(cards(Hook.ORDER_SELECT, orderSelect(RXNORM_URI, CdsCatalog.ENZALUTAMIDE, "enzalutamide"), "en")));
        assertEquals(List.of(base + "mpc-bone-health?lang=en"),
                links(cards(Hook.ORDER_SELECT, orderSelect(RXNORM_URI, CdsCatalog.DENOSUMAB, "denosumab"), "en")));
        assertEquals(List.of(base + "mpc-radiation?lang=en"),
                links(cards(Hook.ORDER_SELECT, orderSelect(ATC_URI, CdsCatalog.RADIUM_223_ATC, "radium-223"), "en")),
                "ordered by ATC");
        assertEquals(List.of(base + "mpc-chemotherapy?lang=en"),
                links(cards(Hook.ORDER_SELECT, orderSelect("urn:oid:2.16.840.1.113883.6.88", CdsCatalog.DOCETAXEL,
                        "docetaxel"), "en")), "RxNorm by OID");
        assertEquals(0, cards(Hook.ORDER_SELECT, orderSelect(RXNORM_URI, "161", "acetaminophen"), "en").size());
    }

    @Test
    void orderSignGivesOneCardPerModuleForAllOrders() throws Exception {
        String body = orderHook("order-sign", null, draftOrder("d", RXNORM_URI, CdsCatalog.DOCETAXEL, "docetaxel")
                + "," + draftOrder("z", RXNORM_URI, CdsCatalog.ZOLEDRONIC_ACID, "zoledronic acid") + ","
                + draftOrder("c", ATC_URI, "L01CD04", "cabazitaxel"), null);
        JsonArray cards = cards(Hook.ORDER_SIGN, body, "en");
        assertEquals(List.of(LINKS.viewer("mpc-chemotherapy", "en"), LINKS.viewer("mpc-bone-health", "en")),
                links(cards));
        JsonObject chemo = resource(cards.get(0).getAsJsonObject());
        assertEquals("draft", chemo.get("status").getAsString());
        assertEquals(2, chemo.getAsJsonArray("about").size(), "about both orders that name chemotherapy medicines");
        assertEquals("MedicationRequest/d", chemo.getAsJsonArray("about").get(0).getAsJsonObject().get("reference")
                .getAsString());
    }

    @Test
    void theCardIsInThePatientsLanguage() throws Exception {
        String body = orderHook("order-select", "[\"MedicationRequest/o1\"]",
                draftOrder("o1", RXNORM_URI, CdsCatalog.DOCETAXEL, "docetaxel"), Requests.patient("es"));
        JsonObject card = cards(Hook.ORDER_SELECT, body, "en-US").get(0).getAsJsonObject();
        assertEquals("Quimioterapia", card.get("summary").getAsString());
        assertEquals(LINKS.viewer("mpc-chemotherapy", "es"), links(arrayOf(card)).get(0));
        assertTrue(card.get("detail").getAsString().contains("machine-assisted"), card.get("detail").getAsString());
        JsonObject attachment = resource(card).getAsJsonArray("payload").get(1).getAsJsonObject()
                .getAsJsonObject("contentAttachment");
        assertEquals("es", attachment.get("language").getAsString());
        assertEquals("Quimioterapia", attachment.get("title").getAsString());
        // a module not translated: served in English, and the card says so
        JsonObject bone = cards(Hook.ORDER_SELECT, orderHook("order-select", "[\"MedicationRequest/o1\"]",
                draftOrder("o1", RXNORM_URI, CdsCatalog.DENOSUMAB, "denosumab"), Requests.patient("es")), "en")
                .get(0).getAsJsonObject();
        assertEquals("Bone health", bone.get("summary").getAsString());
        assertTrue(bone.get("detail").getAsString().contains("Not yet available in es"), bone.toString());
        assertEquals("en", resource(bone).getAsJsonArray("payload").get(1).getAsJsonObject()
                .getAsJsonObject("contentAttachment").get("language").getAsString());
    }

    @Test
    void everyCardOffersOneSuggestionThatCreatesACommunicationRequest() throws Exception {
        JsonObject card = cards(Hook.ORDER_SELECT, Requests.DOCETAXEL_SELECTED, "en").get(0).getAsJsonObject();
        assertEquals("info", card.get("indicator").getAsString());
        assertEquals("Chemotherapy", card.get("summary").getAsString());
        assertEquals("at-most-one", card.get("selectionBehavior").getAsString(), "CDS Hooks: required with suggestions");
        JsonObject suggestion = card.getAsJsonArray("suggestions").get(0).getAsJsonObject();
        assertEquals(Cards.SUGGESTION_LABEL, suggestion.get("label").getAsString());
        JsonObject action = suggestion.getAsJsonArray("actions").get(0).getAsJsonObject();
        assertEquals("create", action.get("type").getAsString());
        assertFalse(action.get("description").getAsString().isBlank());
        JsonObject r = action.getAsJsonObject("resource");
        assertEquals("CommunicationRequest", r.get("resourceType").getAsString());
        assertEquals("Patient/1288992", r.getAsJsonObject("subject").get("reference").getAsString());
        assertEquals("Practitioner/123", r.getAsJsonObject("requester").get("reference").getAsString());
        assertEquals("Encounter/89284", r.getAsJsonObject("encounter").get("reference").getAsString());
        assertEquals("2026-12-01T10:15:30Z", r.get("authoredOn").getAsString());
        assertEquals("urn:uuid:" + suggestion.get("uuid").getAsString(),
                r.getAsJsonArray("identifier").get(0).getAsJsonObject().get("value").getAsString());
        JsonObject reason = r.getAsJsonArray("reasonCode").get(0).getAsJsonObject().getAsJsonArray("coding").get(0)
                .getAsJsonObject();
        assertEquals(RXNORM_URI, reason.get("system").getAsString());
        assertEquals(CdsCatalog.DOCETAXEL, reason.get("code").getAsString());
        assertEquals(LINKS.viewer("mpc-chemotherapy", "en"), r.getAsJsonArray("payload").get(1).getAsJsonObject()
                .getAsJsonObject("contentAttachment").get("url").getAsString());
        assertTrue(r.getAsJsonArray("payload").get(0).getAsJsonObject().get("contentString").getAsString()
                .contains(LINKS.viewer("mpc-chemotherapy", "en")));
        assertEquals(3, card.getAsJsonArray("overrideReasons").size());
        card.getAsJsonArray("overrideReasons").forEach(o -> assertFalse(o.getAsJsonObject().get("display")
                .getAsString().isBlank(), "CDS Hooks: override reasons carry a display"));
        assertEquals(LINKS.library("en"), card.getAsJsonObject("source").get("url").getAsString());
    }

    @Test
    void patientViewCardsInModuleOrderAreActiveRequests() throws Exception {
        JsonArray cards = cards(Hook.PATIENT_VIEW, Requests.patientView(
                Requests.condition(ICD10CM_URI, "Z19.2"), Requests.medication(ATC_URI, "L02BB04")), "es");
        assertEquals(List.of(LINKS.viewer("mpc-hormone-therapy", "es"), LINKS.viewer("mpc-chemotherapy", "es"),
                LINKS.viewer("mpc-radiation", "es"), LINKS.viewer("mpc-targeted-immunotherapy", "es")), links(cards));
        assertEquals("Terapia hormonal", cards.get(0).getAsJsonObject().get("summary").getAsString());
        JsonObject r = resource(cards.get(0).getAsJsonObject());
        assertEquals("active", r.get("status").getAsString());
        assertFalse(r.has("about"), "patient-view cards are about no order");
        assertEquals(2, r.getAsJsonArray("reasonCode").size(), "Z19.2 and enzalutamide both select hormone therapy");
    }

    @Test
    void c61SelectsEveryModuleButNoMoreThanTenCards() throws Exception {
        JsonArray cards = cards(Hook.PATIENT_VIEW, Requests.patientView(Requests.condition(ICD10CM_URI, "C61"), ""),
                "en");
        assertEquals(9, cards.size());
        assertEquals(LINKS.viewer("mpc-overview", "en"), links(cards).get(0));
        assertTrue(Cards.MAX_CARDS >= 9);
    }

    @Test
    void uuidsAreStablePerCallAndModuleAndDifferPerService() throws Exception {
        HookCall a = HookCallParser.parse(Hook.ORDER_SELECT, Requests.DOCETAXEL_SELECTED);
        HookCall b = HookCallParser.parse(Hook.ORDER_SIGN, orderHook("order-sign", null,
                draftOrder("docetaxel-1", RXNORM_URI, CdsCatalog.DOCETAXEL, "docetaxel"), null));
        Cards.Issued first = Cards.uuids(a, "mpc-chemotherapy");
        assertEquals(first, Cards.uuids(a, "mpc-chemotherapy"));
        assertNotEquals(first.card(), Cards.uuids(b, "mpc-chemotherapy").card());
        assertNotEquals(first.card(), first.suggestion());
        assertEquals(36, first.card().length());
    }

    @Test
    void summaryFitsACardAndDetailIsEscapedMarkdown() throws Exception {
        JsonObject bone = cards(Hook.ORDER_SELECT, orderSelect(RXNORM_URI, CdsCatalog.DENOSUMAB, "denosumab"), "en")
                .get(0).getAsJsonObject();
        assertEquals("Keeping bones strong, and jaw care.", bone.get("detail").getAsString());
        assertEquals("\\*\\*not bold\\*\\* \\<b\\> \\[link\\](x)", PlainText.markdown("**not bold** <b> [link](x)"));
        assertTrue(PlainText.truncate("x".repeat(200), Cards.MAX_SUMMARY).length() <= Cards.MAX_SUMMARY);
    }

    private static JsonArray arrayOf(JsonObject o) {
        JsonArray a = new JsonArray();
        a.add(o);
        return a;
    }
}
