package org.careleaf.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.Test;

class CdsHooksServletTest {

    private static final String SERVICE = "/careleaf-patient-education";
    private final CdsHooksServlet servlet = new CdsHooksServlet(new ClinicalCodesTestCatalog());

    private static String errorCode(FakeExchange x) {
        return JsonParser.parseString(x.text()).getAsJsonObject().getAsJsonObject("error").get("code").getAsString();
    }

    @Test
    void discovery() throws Exception {
        FakeExchange x = new FakeExchange().run(servlet);
        assertEquals(200, x.status);
        assertEquals("application/json;charset=utf-8", x.responseContentType);
        assertNotNull(x.responseHeader("ETag"));
        JsonObject service = JsonParser.parseString(x.text()).getAsJsonObject().getAsJsonArray("services").get(0)
                .getAsJsonObject();
        assertEquals("careleaf-patient-education", service.get("id").getAsString());

        FakeExchange slash = new FakeExchange();
        slash.pathInfo = "/";
        assertEquals(200, slash.run(servlet).status);
    }

    @Test
    void cardsInTheAcceptedLanguageAndNeverCached() throws Exception {
        FakeExchange x = new FakeExchange().post(SERVICE, "application/json; charset=UTF-8",
                CdsHooksServiceTest.PROSTATE_ZIGGY).header("Accept-Language", "es").run(servlet);
        assertEquals(200, x.status, x.text());
        assertEquals("es", x.responseHeader("Content-Language"));
        assertEquals("no-store", x.responseHeader("Cache-Control"));
        JsonObject first = JsonParser.parseString(x.text()).getAsJsonObject().getAsJsonArray("cards").get(0)
                .getAsJsonObject();
        assertEquals("Cáncer de próstata metastásico: visión general", first.get("summary").getAsString());
        assertEquals("http://ehr.example.org:8181/careleaf/modules/mpc-overview?lang=es",
                first.getAsJsonArray("links").get(0).getAsJsonObject().get("url").getAsString());
    }

    @Test
    void wrongContentTypeIs415() throws Exception {
        FakeExchange x = new FakeExchange().post(SERVICE, "text/plain", CdsHooksServiceTest.PROSTATE_ZIGGY)
                .run(servlet);
        assertEquals(415, x.status);
        assertEquals(415, new FakeExchange().post(SERVICE, "application/json;charset=iso-8859-1",
                CdsHooksServiceTest.PROSTATE_ZIGGY).run(servlet).status);
        assertEquals(415, new FakeExchange().post(SERVICE, null, CdsHooksServiceTest.PROSTATE_ZIGGY).run(servlet)
                .status);
    }

    @Test
    void bodyOverOneMebibyteIs413() throws Exception {
        String big = CdsHooksServiceTest.PROSTATE_ZIGGY.replace("\"fhirServer\"",
                "\"padding\": \"" + "x".repeat(CdsHooksService.MAX_BODY) + "\", \"fhirServer\"");
        FakeExchange x = new FakeExchange().post(SERVICE, "application/json", big).run(servlet);
        assertEquals(413, x.status);
        assertEquals("body-too-large", errorCode(x));
    }

    @Test
    void badJsonAndMissingPrefetch() throws Exception {
        FakeExchange bad = new FakeExchange().post(SERVICE, "application/json", "{\"hook\": ").run(servlet);
        assertEquals(400, bad.status);
        assertEquals("bad-json", errorCode(bad));

        FakeExchange notUtf8 = new FakeExchange().post(SERVICE, "application/json", "{}");
        notUtf8.body = new byte[] {'{', '"', (byte) 0xC3, '"', '}'};
        assertEquals(400, notUtf8.run(servlet).status);

        FakeExchange noPrefetch = new FakeExchange().post(SERVICE, "application/json",
                "{\"hook\": \"patient-view\", \"hookInstance\": \"1\", \"context\": {\"patientId\": \"1\"}}")
                .run(servlet);
        assertEquals(412, noPrefetch.status);
        assertEquals("missing-prefetch", errorCode(noPrefetch));
    }

    @Test
    void unknownServiceIs404AndWrongMethodsAre405() throws Exception {
        FakeExchange unknown = new FakeExchange().post("/other-service", "application/json", "{}").run(servlet);
        assertEquals(404, unknown.status);
        assertEquals("unknown-service", errorCode(unknown));

        FakeExchange getService = new FakeExchange();
        getService.pathInfo = SERVICE;
        assertEquals(405, getService.run(servlet).status);
        assertEquals("POST", getService.responseHeader("Allow"));

        FakeExchange postDiscovery = new FakeExchange().post(null, "application/json", "{}").run(servlet);
        assertEquals(405, postDiscovery.status);

        FakeExchange feedback = new FakeExchange().post(SERVICE + "/feedback", "application/json", "{}")
                .run(servlet);
        assertEquals(404, feedback.status);
    }
}
