package org.careleaf.web.internal.viewer;

import org.careleaf.catalog.internal.library.TestCatalog;
import org.careleaf.search.EducationSearch;
import org.careleaf.web.internal.http.FakeHttp;
import org.careleaf.web.internal.http.RenderCache;
import org.careleaf.web.internal.http.Templates;
import org.careleaf.web.internal.http.TestConfig;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** The viewer servlet behind the context's filters, over a test library, and its pages parsed. */
final class Pages {

    private static final Templates TEMPLATES = new Templates();

    final TestCatalog catalog;
    final ViewerServlet servlet;

    Pages(TestCatalog catalog) {
        this(catalog, null);
    }

    Pages(TestCatalog catalog, EducationSearch search) {
        this.catalog = catalog;
        this.servlet = new ViewerServlet(catalog, new RenderCache(1 << 22), TEMPLATES);
        this.servlet.search = search;
    }

    FakeHttp call(FakeHttp request) throws Exception {
        return request.run(servlet, TestConfig.contextFilters(catalog));
    }

    FakeHttp get(String path, String... params) throws Exception {
        FakeHttp x = new FakeHttp("GET", path);
        for (int i = 0; i + 1 < params.length; i += 2) {
            x.param(params[i], params[i + 1]);
        }
        return call(x);
    }

    /** The page at {@code path} in {@code lang}, parsed; it must be a 200. */
    Document page(String path, String lang) throws Exception {
        FakeHttp x = get(path, "lang", lang);
        if (x.status != 200) {
            throw new AssertionError(path + " answered " + x.status + ": " + x.text());
        }
        return Jsoup.parse(x.text());
    }
}
