package org.careleaf.web.internal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.careleaf.catalog.internal.library.TestCatalog;
import org.careleaf.web.internal.http.FakeHttp;
import org.careleaf.web.internal.http.FakeSearch;
import org.careleaf.web.internal.http.Libraries;
import org.careleaf.web.internal.http.TestConfig;
import org.junit.jupiter.api.Test;

class SearchServletTest {

    private final TestCatalog catalog = Libraries.sample();
    private final SearchServlet servlet = new SearchServlet(catalog);

    private FakeHttp get(String... params) throws Exception {
        FakeHttp x = FakeHttp.at("GET", "/api/search", "/api/search");
        for (int i = 0; i + 1 < params.length; i += 2) {
            x.param(params[i], params[i + 1]);
        }
        return x.run(servlet, TestConfig.contextFilters(catalog));
    }

    private static JsonObject json(FakeHttp x) {
        return JsonParser.parseString(x.text()).getAsJsonObject();
    }

    @Test
    void withoutASearchBundleItIs503WithAReason() throws Exception {
        FakeHttp x = get("q", "pain");
        assertEquals(503, x.status);
        JsonObject error = json(x).getAsJsonObject("error");
        assertEquals("search is not installed", error.get("message").getAsString());
        assertTrue(error.has("text"));
    }

    @Test
    void hitsWithFragmentSnippetsAndViewerLinks() throws Exception {
        FakeSearch search = new FakeSearch(12);
        servlet.search = search;
        FakeHttp x = get("q", "spread", "lang", "ar", "limit", "5", "offset", "5");
        assertEquals(200, x.status);
        assertEquals("ar", x.responseHeader("Content-Language"));
        JsonObject o = json(x);
        assertEquals("spread", o.get("query").getAsString());
        assertEquals(12, o.get("total").getAsInt());
        assertEquals(5, o.get("offset").getAsInt());
        assertEquals(10, o.get("next").getAsInt());
        assertEquals(5, o.getAsJsonArray("hits").size());
        JsonObject hit = o.getAsJsonArray("hits").get(0).getAsJsonObject();
        assertEquals("mpc-overview", hit.get("module").getAsString());
        assertEquals("basics", hit.get("section").getAsString());
        assertEquals("/careleaf/modules/mpc-overview?lang=ar#basics", hit.get("url").getAsString());
        assertEquals("[{\"text\":\"It is <still> \",\"match\":false},{\"text\":\"spread\",\"match\":true},"
                + "{\"text\":\" cancer.\",\"match\":false}]", hit.getAsJsonArray("snippet").toString());
        assertTrue(hit.has("score") && hit.has("locale") && hit.has("sectionTitle"));
        assertEquals("ar", search.asked.get(0).languages());
        FakeHttp last = get("q", "spread", "offset", "10");
        assertFalse(json(last).has("next"));
    }

    @Test
    void badInputIs400WithTheServicesReason() throws Exception {
        servlet.search = new FakeSearch(3);
        String[][] bad = {{"q", ""}, {"q", "x".repeat(201)}, {"q", "a", "limit", "51"}, {"q", "a", "offset", "-1"},
            {"q", "a", "limit", "many"}, {"q", "refuse"}};
        for (String[] b : bad) {
            FakeHttp x = get(b);
            assertEquals(400, x.status, String.join(" ", b));
            assertEquals("bad-query", json(x).getAsJsonObject("error").get("code").getAsString());
        }
        assertTrue(json(get("q", "refuse")).getAsJsonObject("error").get("message").getAsString().contains("refuse"));
        assertEquals(400, get("lang", "<x>", "q", "a").status);
    }
}
