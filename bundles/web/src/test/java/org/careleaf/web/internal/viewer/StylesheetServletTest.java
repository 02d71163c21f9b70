package org.careleaf.web.internal.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.careleaf.web.internal.http.FakeHttp;
import org.careleaf.web.internal.http.Libraries;
import org.careleaf.web.internal.http.Stylesheet;
import org.careleaf.web.internal.http.TestConfig;
import org.junit.jupiter.api.Test;

class StylesheetServletTest {

    private final StylesheetServlet servlet = new StylesheetServlet();

    private FakeHttp get(String path, String... header) throws Exception {
        FakeHttp x = FakeHttp.at("GET", "/static/*", path);
        if (header.length == 2) {
            x.header(header[0], header[1]);
        }
        return x;
    }

    @Test
    void stylesheetIsCachedLongOnlyUnderItsVersion() throws Exception {
        String href = Stylesheet.href("/careleaf");
        String version = href.substring(href.indexOf("?v=") + 3);
        FakeHttp css = get("/static/viewer.css").param("v", version).run(servlet, TestConfig.contextFilters(Libraries.sample()));
        assertEquals(200, css.status);
        assertEquals("text/css;charset=utf-8", css.responseHeader("Content-Type"));
        assertEquals("public, max-age=31536000, immutable", css.responseHeader("Cache-Control"));
        assertTrue(css.text().contains("@media print"));
        assertEquals("public, max-age=86400", get("/static/viewer.css").run(servlet).responseHeader("Cache-Control"));
        assertEquals(304, get("/static/viewer.css", "If-None-Match", css.responseHeader("ETag")).run(servlet).status);
        assertEquals(400, get("/static/viewer.css").param("v", "../../etc").run(servlet).status);
        assertEquals(404, get("/static/other.css").run(servlet).status);
    }
}
