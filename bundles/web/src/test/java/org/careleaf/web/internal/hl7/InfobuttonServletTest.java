package org.careleaf.web.internal.hl7;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.careleaf.catalog.internal.library.TestCatalog;
import org.careleaf.web.internal.http.FakeHttp;
import org.careleaf.web.internal.http.Libraries;
import org.careleaf.web.internal.http.RenderCache;
import org.careleaf.web.internal.http.TestConfig;
import org.junit.jupiter.api.Test;

class InfobuttonServletTest {

    private static final String ICD = "2.16.840.1.113883.6.90";
    private final TestCatalog catalog = Libraries.clinicalCodes();
    private final InfobuttonServlet servlet = new InfobuttonServlet(catalog, new RenderCache(1 << 22));
    private final javax.servlet.Filter[] filters = TestConfig.contextFilters(catalog);

    private static FakeHttp c61() {
        return FakeHttp.at("GET", "/api/infobutton", "/api/infobutton").param("mainSearchCriteria.v.c", "C61").param("mainSearchCriteria.v.cs", ICD);
    }

    @Test
    void answersJsonWithCachingHeadersAndAbsoluteLinks() throws Exception {
        FakeHttp x = c61().param("informationRecipient.languageCode.c", "es").run(servlet, filters);
        assertEquals(200, x.status);
        assertEquals("application/json;charset=utf-8", x.responseHeader("Content-Type"));
        assertEquals("es", x.responseHeader("Content-Language"));
        assertEquals("no-cache", x.responseHeader("Cache-Control"));
        assertNotNull(x.responseHeader("ETag"));
        JsonObject feed = JsonParser.parseString(x.text()).getAsJsonObject().getAsJsonObject("feed");
        assertEquals("http://ehr.example.org:8181/careleaf/modules/mpc-overview?lang=es", feed.getAsJsonArray("entry")
                .get(0).getAsJsonObject().getAsJsonArray("link").get(0).getAsJsonObject().get("href").getAsString());

        FakeHttp again = c61().param("informationRecipient.languageCode.c", "es")
                .header("If-None-Match", x.responseHeader("ETag")).run(servlet, filters);
        assertEquals(304, again.status);
        assertEquals("", again.text());
    }

    @Test
    void acceptLanguageServesWhenNoLanguageCodeIsSent() throws Exception {
        FakeHttp x = c61().header("Accept-Language", "es-MX,es;q=0.9").run(servlet, filters);
        assertEquals("es", x.responseHeader("Content-Language"));
    }

    @Test
    void answersAtomXml() throws Exception {
        FakeHttp x = c61().param("knowledgeResponseType", "text/xml").run(servlet, filters);
        assertEquals(200, x.status);
        assertEquals("text/xml;charset=utf-8", x.responseHeader("Content-Type"));
        assertTrue(x.text().startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\""
                + InfobuttonFeed.ATOM_NS + "\""), x.text());
    }

    @Test
    void badRequestsAreJson400() throws Exception {
        FakeHttp missing = FakeHttp.at("GET", "/api/infobutton", "/api/infobutton").param("knowledgeResponseType", "text/xml").run(servlet, filters);
        assertEquals(400, missing.status);
        assertEquals("application/json;charset=utf-8", missing.responseHeader("Content-Type"));
        assertEquals("missing-code", JsonParser.parseString(missing.text()).getAsJsonObject()
                .getAsJsonObject("error").get("code").getAsString());

        FakeHttp type = c61().param("knowledgeResponseType", "application/javascript").run(servlet, filters);
        assertEquals(400, type.status);

        FakeHttp host = c61();
        host.serverName = "evil.example.org\"><script>";
        assertEquals(400, host.run(servlet, filters).status);
    }

    @Test
    void otherMethodsAre405() throws Exception {
        FakeHttp x = c61();
        x.method = "POST";
        x.run(servlet, filters);
        assertEquals(405, x.status);
        assertEquals("GET, HEAD", x.responseHeader("Allow"));
    }
}
