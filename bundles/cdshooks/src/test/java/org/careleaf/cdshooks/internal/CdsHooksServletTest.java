package org.careleaf.cdshooks.internal;

import static org.careleaf.cdshooks.internal.trust.TestKeys.bearer;
import static org.careleaf.cdshooks.internal.trust.TestKeys.claims;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;

import org.careleaf.admin.CardFeedback;
import org.careleaf.cdshooks.internal.trust.TestKeys;
import org.careleaf.cdshooks.internal.trust.TestTrust;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The endpoints over a fake HTTP exchange, with tokens signed by a key made in the test. */
class CdsHooksServletTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    /** FakeHttp's request: http://ehr.example.org:8181 in the context /careleaf. */
    private static final String BASE = "http://ehr.example.org:8181/careleaf";
    private static final String SELECT = "/careleaf-order-select-education";
    private static final String SELECT_AUD = BASE + "/cds-services" + SELECT;
    private static final ECKey KEY = TestKeys.ec(Curve.P_384, "ehr-2026");

    @TempDir
    Path data;
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private FeedbackStore feedback;
    private CdsHooksServlet servlet;

    @BeforeEach
    void setUp() {
        feedback = new FeedbackStore(data.resolve("careleaf").resolve(FeedbackStore.FILE));
        servlet = servlet(Map.of());
    }

    private CdsHooksServlet servlet(Map<String, Object> trustConfig) {
        return new CdsHooksServlet(CdsCatalog.library(), TestTrust.of(trustConfig, () -> null, TestKeys.jwks(KEY),
                clock), feedback, clock);
    }

    private static String token(String aud) {
        return bearer(TestKeys.sign(KEY, JWSAlgorithm.ES384, claims(aud, NOW).build()));
    }

    private FakeHttp post(String path, String body, String aud) throws Exception {
        FakeHttp x = new FakeHttp().post(path, "application/json", body);
        if (aud != null) {
            x.header("Authorization", token(aud));
        }
        return x.run(servlet);
    }

    private static JsonObject json(FakeHttp x) {
        return JsonParser.parseString(x.text()).getAsJsonObject();
    }

    private static String errorCode(FakeHttp x) {
        return json(x).getAsJsonObject("error").get("code").getAsString();
    }

    @Test
    void discoveryListsOneServicePerHook() throws Exception {
        FakeHttp x = new FakeHttp().run(servlet);
        assertEquals(200, x.status);
        assertNotNull(x.responseHeader("ETag"));
        JsonArray services = json(x).getAsJsonArray("services");
        assertEquals(List.of("patient-view", "order-select", "order-sign"), services.asList().stream()
                .map(s -> s.getAsJsonObject().get("hook").getAsString()).toList());
        assertEquals("Patient/{{context.patientId}}", services.get(1).getAsJsonObject().getAsJsonObject("prefetch")
                .get("patient").getAsString());
        FakeHttp again = new FakeHttp().header("If-None-Match", x.responseHeader("ETag")).run(servlet);
        assertEquals(304, again.status);
        FakeHttp badToken = new FakeHttp().header("Authorization", "Bearer nonsense").run(servlet);
        assertEquals(401, badToken.status, "discovery needs no token, but one that is sent must be good");
        assertEquals(200, new FakeHttp().header("Authorization", token(BASE + "/cds-services")).run(servlet).status);
    }

    @Test
    void aSignedOrderSelectCallGetsCards() throws Exception {
        FakeHttp x = post(SELECT, Requests.DOCETAXEL_SELECTED, SELECT_AUD);
        assertEquals(200, x.status, x.text());
        assertEquals("no-store", x.responseHeader("Cache-Control"));
        assertEquals("en", x.responseHeader("Content-Language"));
        JsonArray cards = json(x).getAsJsonArray("cards");
        assertEquals(List.of(BASE + "/modules/mpc-chemotherapy?lang=en"), CardsTest.links(cards));
    }

    @Test
    void callsWithoutAValidTokenAre401WithAReason() throws Exception {
        FakeHttp none = post(SELECT, Requests.DOCETAXEL_SELECTED, null);
        assertEquals(401, none.status);
        assertEquals("missing-token", errorCode(none));
        assertEquals("Bearer", none.responseHeader("WWW-Authenticate"));
        FakeHttp wrongAud = post(SELECT, Requests.DOCETAXEL_SELECTED, BASE + "/cds-services/careleaf-patient-education");
        assertEquals(401, wrongAud.status);
        assertEquals("wrong-audience", errorCode(wrongAud));
        assertTrue(wrongAud.responseHeader("WWW-Authenticate").contains("invalid_token"));
        // the request is not read before the caller is known: even a broken body gets 401
        assertEquals(401, post(SELECT, "{not json", null).status);
        FakeHttp x = new FakeHttp().post(SELECT, "application/json", Requests.DOCETAXEL_SELECTED)
                .header("Authorization", token(SELECT_AUD));
        x.run(servlet);
        FakeHttp replay = new FakeHttp().post(SELECT, "application/json", Requests.DOCETAXEL_SELECTED)
                .header("Authorization", x.requestHeaders.get("Authorization")).run(servlet);
        assertEquals("replayed", errorCode(replay));
    }

    @Test
    void theAudienceAndTheLinksFollowTheConfiguredPublicUrl() throws Exception {
        servlet = servlet(Map.of("serviceBaseUrl", "https://careleaf.hospital.example/edu/"));
        assertEquals("wrong-audience", errorCode(post(SELECT, Requests.DOCETAXEL_SELECTED, SELECT_AUD)),
                "behind a proxy the URL the client calls is the public one");
        FakeHttp x = post(SELECT, Requests.DOCETAXEL_SELECTED,
                "https://careleaf.hospital.example/edu/cds-services" + SELECT);
        assertEquals(200, x.status, x.text());
        assertEquals(List.of("https://careleaf.hospital.example/edu/modules/mpc-chemotherapy?lang=en"),
                CardsTest.links(json(x).getAsJsonArray("cards")));
    }

    @Test
    void theContextPathIsTakenFromTheRequest() throws Exception {
        FakeHttp x = new FakeHttp().post(SELECT, "application/json", Requests.DOCETAXEL_SELECTED);
        x.contextPath = "/education";
        x.header("Authorization", token("http://ehr.example.org:8181/education/cds-services" + SELECT)).run(servlet);
        assertEquals(200, x.status, x.text());
        assertEquals(List.of("http://ehr.example.org:8181/education/modules/mpc-chemotherapy?lang=en"),
                CardsTest.links(json(x).getAsJsonArray("cards")));
    }

    @Test
    void unsignedCallsWorkInLoopbackDevelopmentModeOnly() throws Exception {
        servlet = servlet(Map.of("requireSignedRequests", false, "allowUnsignedOnLoopback", true));
        assertEquals(200, post(SELECT, Requests.DOCETAXEL_SELECTED, null).status);
        assertEquals(401, post(SELECT, Requests.DOCETAXEL_SELECTED, "https://elsewhere.example/cds-services").status,
                "a bad token is refused even here");
        FakeHttp proxied = new FakeHttp().post(SELECT, "application/json", Requests.DOCETAXEL_SELECTED)
                .header("X-Forwarded-For", "203.0.113.9").run(servlet);
        assertEquals(401, proxied.status, "through a proxy, unsigned calls are refused");
    }

    @Test
    void feedbackIsCountedPerModuleOncePerCardAndOutcome() throws Exception {
        JsonObject card = json(post(SELECT, Requests.DOCETAXEL_SELECTED, SELECT_AUD)).getAsJsonArray("cards").get(0)
                .getAsJsonObject();
        String uuid = card.get("uuid").getAsString();
        String suggestion = card.getAsJsonArray("suggestions").get(0).getAsJsonObject().get("uuid").getAsString();
        String accepted = """
                {"feedback": [{"card": "%s", "outcome": "accepted", "acceptedSuggestions": [{"id": "%s"}],
                  "outcomeTimestamp": "2026-12-01T10:01:00Z"}]}""".formatted(uuid, suggestion);
        String feedbackPath = SELECT + "/feedback";
        FakeHttp ok = post(feedbackPath, accepted, SELECT_AUD + "/feedback");
        assertEquals(200, ok.status, ok.text());
        assertEquals(200, post(feedbackPath, accepted, SELECT_AUD).status, "the service URL is accepted as aud too");
        String overridden = """
                {"feedback": [{"card": "%s", "outcome": "overridden", "outcomeTimestamp": "2026-12-01T10:02:00Z",
                  "overrideReason": {"reason": {"system": "urn:careleaf:cds-hooks:override-reason",
                    "code": "already-given"}, "userComment": "gave the leaflet last week, Mr Smith"}},
                 {"card": "00000000-0000-0000-0000-000000000000", "outcome": "overridden",
                  "outcomeTimestamp": "2026-12-01T10:02:00Z"}]}""".formatted(uuid);
        assertEquals(200, post(feedbackPath, overridden, SELECT_AUD + "/feedback").status);
        List<CardFeedback> counts = feedback.perModule();
        assertEquals(List.of(new CardFeedback("mpc-chemotherapy", 1, 1, Map.of("already-given", 1L),
                NOW.toString())), counts, "the repeated accepted counts once");
        assertEquals(1, feedback.unattributed());
        String stored = Files.readString(data.resolve("careleaf").resolve(FeedbackStore.FILE));
        assertFalse(stored.contains("Smith") || stored.contains(uuid) || stored.contains("1288992"), stored);
        // feedback about this service's card sent to another service's endpoint is not attributed
        FakeHttp other = post("/careleaf-order-sign-education/feedback", overridden,
                BASE + "/cds-services/careleaf-order-sign-education/feedback");
        assertEquals(200, other.status);
        assertEquals(3, feedback.unattributed());
    }

    @Test
    void badFeedbackIs400AndNeedsAToken() throws Exception {
        String path = SELECT + "/feedback";
        String aud = SELECT_AUD + "/feedback";
        assertEquals(401, post(path, "{\"feedback\": []}", null).status);
        Map<String, String> cases = new HashMap<>();
        cases.put("{\"feedback\": []}", "missing-feedback");
        cases.put("{\"feedback\": [{\"card\": \"x\", \"outcome\": \"liked\", \"outcomeTimestamp\": \"2026-12-01T10:00:00Z\"}]}",
                "bad-feedback");
        cases.put("{\"feedback\": [{\"card\": \"x\", \"outcome\": \"accepted\", \"outcomeTimestamp\": \"2026-12-01T10:00:00Z\"}]}",
                "bad-feedback");
        cases.put("{\"feedback\": [{\"card\": \"x\", \"outcome\": \"overridden\", \"outcomeTimestamp\": \"yesterday\"}]}",
                "bad-feedback");
        cases.put("{\"feedback\": [{\"outcome\": \"overridden\", \"outcomeTimestamp\": \"2026-12-01T10:00:00Z\"}]}",
                "bad-feedback");
        cases.put("[]", "bad-request");
        for (var c : cases.entrySet()) {
            FakeHttp x = post(path, c.getKey(), aud);
            assertEquals(400, x.status, c.getKey());
            assertEquals(c.getValue(), errorCode(x), c.getKey());
        }
        assertEquals(0, feedback.perModule().size());
    }

    @Test
    void routingMediaTypeAndSize() throws Exception {
        assertEquals("unknown-service", errorCode(post("/other-service", "{}", null)));
        assertEquals(404, post(SELECT + "/feedback/x", "{}", null).status);
        FakeHttp getService = new FakeHttp("GET", SELECT).run(servlet);
        assertEquals(405, getService.status);
        assertEquals("POST", getService.responseHeader("Allow"));
        assertEquals(405, new FakeHttp().post(null, "application/json", "{}").run(servlet).status);
        FakeHttp text = new FakeHttp().post(SELECT, "text/plain", Requests.DOCETAXEL_SELECTED)
                .header("Authorization", token(SELECT_AUD)).run(servlet);
        assertEquals(415, text.status);
        String big = Requests.DOCETAXEL_SELECTED.replace("\"fhirServer\"",
                "\"padding\": \"" + "x".repeat(CdsHooksServlet.MAX_BODY) + "\", \"fhirServer\"");
        FakeHttp tooLarge = post(SELECT, big, SELECT_AUD);
        assertEquals(413, tooLarge.status);
        assertEquals("body-too-large", errorCode(tooLarge));
        FakeHttp badHost = new FakeHttp().post(SELECT, "application/json", Requests.DOCETAXEL_SELECTED);
        badHost.serverName = "evil.example/<x>";
        assertEquals("bad-host", errorCode(badHost.run(servlet)));
        FakeHttp notUtf8 = new FakeHttp().post(SELECT, "application/json", "{}").header("Authorization",
                token(SELECT_AUD));
        notUtf8.body = new byte[] {'{', '"', (byte) 0xC3, '"', '}'};
        assertEquals("bad-json", errorCode(notUtf8.run(servlet)));
        FakeHttp noPrefetch = post("/careleaf-patient-education",
                "{\"hook\": \"patient-view\", \"hookInstance\": \"1\", \"context\": {\"patientId\": \"1\"}}",
                BASE + "/cds-services/careleaf-patient-education");
        assertEquals(412, noPrefetch.status);
    }
}
