package org.careleaf.web.internal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.careleaf.catalog.internal.library.TestCatalog;
import org.careleaf.web.internal.http.FakeHttp;
import org.careleaf.web.internal.http.Libraries;
import org.careleaf.web.internal.http.RenderCache;
import org.careleaf.web.internal.http.TestConfig;
import org.junit.jupiter.api.Test;

class ApiServletTest {

    private final TestCatalog catalog = Libraries.clinicalCodes();
    private final ApiServlet servlet = new ApiServlet(catalog, new RenderCache(1 << 22));

    private FakeHttp get(String path, String... params) throws Exception {
        FakeHttp x = FakeHttp.at("GET", "/api/*", path);
        for (int i = 0; i + 1 < params.length; i += 2) {
            x.param(params[i], params[i + 1]);
        }
        return x.run(servlet, TestConfig.contextFilters(catalog));
    }

    private static JsonObject json(FakeHttp x) {
        return JsonParser.parseString(x.text()).getAsJsonObject();
    }

    private static List<String> ids(JsonObject list) {
        List<String> ids = new ArrayList<>();
        for (JsonElement e : list.getAsJsonArray("modules")) {
            ids.add(e.getAsJsonObject().get("id").getAsString());
        }
        return ids;
    }

    @Test
    void theWholeSmallLibraryIsOnePage() throws Exception {
        FakeHttp x = get("/api/modules", "lang", "es");
        assertEquals(200, x.status);
        assertEquals("es", x.responseHeader("Content-Language"));
        JsonObject o = json(x);
        assertEquals(9, o.get("total").getAsInt());
        assertEquals(9, ids(o).size());
        assertFalse(o.has("next"));
        assertEquals("[\"en\",\"es\"]", o.getAsJsonArray("locales").toString());
        JsonObject first = o.getAsJsonArray("modules").get(0).getAsJsonObject();
        assertEquals("mpc", first.get("pack").getAsString());
        assertEquals("/careleaf/api/modules/mpc-overview?lang=es", first.get("url").getAsString());
        assertEquals("/careleaf/modules/mpc-overview?lang=es", first.get("viewerUrl").getAsString());
    }

    @Test
    void pagesFollowTheCursorInAStableOrder() throws Exception {
        List<String> all = ids(json(get("/api/modules")));
        List<String> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonObject o = cursor == null ? json(get("/api/modules", "limit", "4")) : json(get("/api/modules", "limit", "4",
                    "cursor", cursor));
            assertEquals(9, o.get("total").getAsInt());
            paged.addAll(ids(o));
            cursor = o.has("next") ? o.get("next").getAsString() : null;
            pages++;
        } while (cursor != null);
        assertEquals(3, pages);
        assertEquals(all, paged);
    }

    @Test
    void filtersNarrowTheList() throws Exception {
        assertEquals(List.of("mpc-bone-health", "mpc-living-well", "mpc-clinical-trials"),
                ids(json(get("/api/modules", "category", "support"))));
        assertEquals(9, ids(json(get("/api/modules", "pack", "mpc", "audience", "patient"))).size());
        assertEquals(0, json(get("/api/modules", "pack", "hf")).get("total").getAsInt());
        JsonObject byCode = json(get("/api/modules", "system", "http://www.whocc.no/atc", "code", "l02bb04"));
        assertEquals(List.of("mpc-hormone-therapy", "mpc-targeted-immunotherapy"), ids(byCode));
        assertEquals("http://www.whocc.no/atc", byCode.get("system").getAsString());
        assertEquals(List.of("mpc-hormone-therapy"), ids(json(get("/api/modules", "system", "2.16.840.1.113883.6.73",
                "code", "L02BB04", "category", "treatment", "limit", "1"))));
        assertEquals(0, ids(json(get("/api/modules", "system", "urn:oid:1.2.3", "code", "C61"))).size());
    }

    @Test
    void eachQueryHasItsOwnEtag() throws Exception {
        String all = get("/api/modules").responseHeader("ETag");
        String support = get("/api/modules", "category", "support").responseHeader("ETag");
        assertNotEquals(all, support);
        assertEquals(all, get("/api/modules").responseHeader("ETag"));
        FakeHttp again = FakeHttp.at("GET", "/api/*", "/api/modules").header("If-None-Match", all)
                .run(servlet, TestConfig.contextFilters(catalog));
        assertEquals(304, again.status);
    }

    @Test
    void badParametersAre400WithAReasonInTheReadersLanguage() throws Exception {
        String[][] bad = {{"limit", "0", "bad-limit"}, {"limit", "1001", "bad-limit"}, {"limit", "ten", "bad-limit"},
            {"category", "Treatment", "bad-category"}, {"audience", "nurse", "bad-audience"}, {"pack", "M P C", "bad-pack"},
            {"cursor", "not-a-cursor", "bad-cursor"}, {"code", "C61", "bad-system"}, {"lang", "es;q=1", "bad-language"}};
        for (String[] b : bad) {
            FakeHttp x = get("/api/modules", b[0], b[1]);
            assertEquals(400, x.status, b[0] + "=" + b[1]);
            JsonObject error = json(x).getAsJsonObject("error");
            assertEquals(b[2], error.get("code").getAsString(), b[0] + "=" + b[1]);
            assertNotNull(error.get("text"));
            assertEquals("no-store", x.responseHeader("Cache-Control"));
        }
        assertEquals("bad-code", json(get("/api/modules", "system", "http://loinc.org", "code", "x y"))
                .getAsJsonObject("error").get("code").getAsString());
    }

    @Test
    void oneModuleInFullWithFigureUrls() throws Exception {
        TestCatalog illustrated = Libraries.illustrated();
        ApiServlet api = new ApiServlet(illustrated, new RenderCache(1 << 20));
        FakeHttp x = FakeHttp.at("GET", "/api/*", "/api/modules/mpc-spread").param("lang", "es").run(api);
        assertEquals(200, x.status);
        JsonObject m = json(x);
        assertEquals("Puntos clave", m.getAsJsonObject("keyPoints").get("title").getAsString());
        JsonObject figure = m.getAsJsonArray("sections").get(0).getAsJsonObject().getAsJsonArray("blocks").get(1)
                .getAsJsonObject();
        assertEquals("figure", figure.get("type").getAsString());
        assertEquals("/careleaf/figures/mpc-spread/figures/body.svg", figure.get("figureUrl").getAsString());
        assertTrue(m.getAsJsonObject("translation").getAsJsonArray("fallback").toString().contains("where-f1"));
        assertEquals("/careleaf/modules/mpc-spread?lang=es", m.get("viewerUrl").getAsString());
    }

    @Test
    void unknownModulesAndPathsAre404() throws Exception {
        FakeHttp unknown = get("/api/modules/no-such-module", "lang", "es");
        assertEquals(404, unknown.status);
        assertEquals("unknown-module", json(unknown).getAsJsonObject("error").get("code").getAsString());
        assertEquals(400, get("/api/modules/NOT AN ID").status);
        assertEquals(404, get("/api/nothing").status);
    }

    @Test
    void linksFollowTheContextPath() throws Exception {
        FakeHttp x = FakeHttp.at("GET", "/api/*", "/api/modules");
        x.contextPath = "/his/education";
        JsonObject first = json(x.run(servlet)).getAsJsonArray("modules").get(0).getAsJsonObject();
        assertEquals("/his/education/api/modules/mpc-overview?lang=en", first.get("url").getAsString());
    }
}
