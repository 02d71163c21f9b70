package org.careleaf.web.internal.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.careleaf.catalog.internal.library.TestCatalog;
import org.careleaf.web.internal.http.FakeHttp;
import org.careleaf.web.internal.http.Libraries;
import org.careleaf.web.internal.http.RenderCache;
import org.careleaf.web.internal.http.TestConfig;
import org.junit.jupiter.api.Test;

class FigureServletTest {

    private final TestCatalog catalog = Libraries.illustrated();
    private final FigureServlet servlet = new FigureServlet(catalog, new RenderCache(1 << 20));

    private FakeHttp get(String path) throws Exception {
        return FakeHttp.at("GET", "/figures/*", path).run(servlet, TestConfig.contextFilters(catalog));
    }

    @Test
    void servesTheSvgWithARestrictivePolicy() throws Exception {
        FakeHttp x = get("/figures/mpc-spread/figures/body.svg");
        assertEquals(200, x.status);
        assertEquals("image/svg+xml", x.responseHeader("Content-Type"));
        assertEquals(Libraries.BODY_SVG, x.text());
        assertEquals(FigureServlet.POLICY, x.responseHeader("Content-Security-Policy"));
        assertEquals("nosniff", x.responseHeader("X-Content-Type-Options"));
        String etag = x.responseHeader("ETag");
        assertNotNull(etag);
        FakeHttp again = FakeHttp.at("GET", "/figures/*", "/figures/mpc-spread/figures/body.svg")
                .header("If-None-Match", etag).run(servlet, TestConfig.contextFilters(catalog));
        assertEquals(304, again.status);
    }

    @Test
    void unknownFiguresAndPathTricksAre404() throws Exception {
        for (String path : new String[] {"/figures/mpc-spread/figures/other.svg", "/figures/mpc-other/figures/body.svg",
            "/figures/mpc-spread/../figures/body.svg", "/figures/mpc-spread/figures/body.png", "/figures/mpc-spread",
            "/figures/Bad_Id/body.svg", "/figures/mpc-spread//body.svg"}) {
            assertEquals(404, get(path).status, path);
        }
        catalog.disable("mpc-spread");
        assertEquals(404, get("/figures/mpc-spread/figures/body.svg").status, "a disabled module's figures go too");
    }
}
