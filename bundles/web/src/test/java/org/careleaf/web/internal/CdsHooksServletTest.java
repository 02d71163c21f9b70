package org.careleaf.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.Test;

class CdsHooksServletTest {

    private static final String SERVICE = "/careleaf-patient-education";
    private final CdsHooksServlet servlet = new CdsHooksServlet(InMemoryCatalog.clinicalCodes());

    private static String errorCode(FakeHttp x) {
        return JsonParser.parseString(x.text()).getAsJsonObject().getAsJsonObject("error").get("code").getAsString();
    }

    @Test
    void discovery() throws Exception {
        FakeHttp x = new FakeHttp().run(servlet);
        assertEquals(200, x.status);
        assertEquals("application/json;charset=utf-8", x.responseHeader("Content-Type"));
        assertNotNull(x.responseHeader("ETag"));
        JsonObject service = JsonParser.parseString(x.text()).getAsJsonObject().getAsJsonArray("services").get(0)
                .getAsJsonObject();
        assertEquals("careleaf-patient-education", service.get("id").getAsString());

        FakeHttp slash = new FakeHttp();
        slash.pathInfo = "/";
        assertEquals(200, slash.run(servlet).status);
    }

    @Test
    void cardsInTheAcceptedLanguageAndNeverCached() throws Exception {
        FakeHttp x = new FakeHttp().post(SERVICE, "application/json; charset=UTF-8",
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
        FakeHttp x = new FakeHttp().post(SERVICE, "text/plain", CdsHooksServiceTest.PROSTATE_ZIGGY)
                .run(servlet);
        assertEquals(415, x.status);
        assertEquals(415, new FakeHttp().post(SERVICE, "application/json;charset=iso-8859-1",
                CdsHooksServiceTest.PROSTATE_ZIGGY).run(servlet).status);
        assertEquals(415, new FakeHttp().post(SERVICE, null, CdsHooksServiceTest.PROSTATE_ZIGGY).run(servlet)
                .status);
    }

    @Test
    void bodyOverOneMebibyteIs413() throws Exception {
        String big = CdsHooksServiceTest.PROSTATE_ZIGGY.replace("\"fhirServer\"",
                "\"padding\": \"" + "x".repeat(CdsHooksService.MAX_BODY) + "\", \"fhirServer\"");
        FakeHttp x = new FakeHttp().post(SERVICE, "application/json", big).run(servlet);
        assertEquals(413, x.status);
        assertEquals("body-too-large", errorCode(x));
    }

    @Test
    void badJsonAndMissingPrefetch() throws Exception {
        FakeHttp bad = new FakeHttp().post(SERVICE, "application/json", "{\"hook\": ").run(servlet);
        assertEquals(400, bad.status);
        assertEquals("bad-json", errorCode(bad));

        FakeHttp notUtf8 = new FakeHttp().post(SERVICE, "application/json", "{}");
        notUtf8.body = new byte[] {'{', '"', (byte) 0xC3, '"', '}'};
        assertEquals(400, notUtf8.run(servlet).status);

        FakeHttp noPrefetch = new FakeHttp().post(SERVICE, "application/json",
                "{\"hook\": \"patient-view\", \"hookInstance\": \"1\", \"context\": {\"patientId\": \"1\"}}")
                .run(servlet);
        assertEquals(412, noPrefetch.status);
        assertEquals("missing-prefetch", errorCode(noPrefetch));
    }

    @Test
    void unknownServiceIs404AndWrongMethodsAre405() throws Exception {
        FakeHttp unknown = new FakeHttp().post("/other-service", "application/json", "{}").run(servlet);
        assertEquals(404, unknown.status);
        assertEquals("unknown-service", errorCode(unknown));

        FakeHttp getService = new FakeHttp();
        getService.pathInfo = SERVICE;
        assertEquals(405, getService.run(servlet).status);
        assertEquals("POST", getService.responseHeader("Allow"));

        FakeHttp postDiscovery = new FakeHttp().post(null, "application/json", "{}").run(servlet);
        assertEquals(405, postDiscovery.status);

        FakeHttp feedback = new FakeHttp().post(SERVICE + "/feedback", "application/json", "{}")
                .run(servlet);
        assertEquals(404, feedback.status);
    }
}
