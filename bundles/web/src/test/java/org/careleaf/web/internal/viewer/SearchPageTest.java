package org.careleaf.web.internal.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.careleaf.web.internal.http.FakeHttp;
import org.careleaf.web.internal.http.FakeSearch;
import org.careleaf.web.internal.http.Libraries;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class SearchPageTest {

    private final FakeSearch search = new FakeSearch(25);
    private final Pages pages = new Pages(Libraries.sample(), search);

    @Test
    void everyPageHasAPlainSearchForm() throws Exception {
        for (String path : new String[] {"/", "/modules/mpc-overview"}) {
            Element form = pages.page(path, "ar").selectFirst("header form[role=search]");
            assertEquals("/careleaf/search", form.attr("action"));
            assertEquals("get", form.attr("method"));
            Element input = form.selectFirst("input[name=q]");
            assertEquals(input.id(), form.selectFirst("label").attr("for"));
            assertEquals("ar", form.selectFirst("input[type=hidden][name=lang]").val());
        }
        assertTrue(new Pages(Libraries.sample()).page("/", "en").select("form[role=search]").isEmpty(),
                "no search service, no search box");
    }

    @Test
    void resultsLinkToTheirSectionsAndMarkMatches() throws Exception {
        FakeHttp x = pages.get("/search", "q", "spread", "lang", "ar");
        assertEquals(200, x.status);
        assertEquals("no-store", x.responseHeader("Cache-Control"));
        Document d = Jsoup.parse(x.text());
        assertEquals("spread", d.selectFirst("header input[name=q]").val(), "the box keeps the query");
        List<Element> hits = d.select("ol.search-hits > li");
        assertEquals(10, hits.size());
        Element first = hits.get(0);
        assertEquals("/careleaf/modules/mpc-overview?lang=ar#basics", first.selectFirst("h2 a").attr("href"));
        assertEquals("is", first.selectFirst("h2 a strong").text());
        assertEquals(List.of("spread"), first.select("mark").eachText());
        assertTrue(first.selectFirst("p.snippet").text().contains("It is <still>"), "snippets are text, escaped");
        assertEquals("en", first.attr("lang"), "a hit in the source language says so");
        assertEquals("ar", search.asked.get(0).languages());
        assertNotNull(d.selectFirst("nav.pages a[rel=next][href='/careleaf/search?q=spread&offset=10&lang=ar']"));
        assertNull(d.selectFirst("nav.pages a[rel=prev]"));
        assertEquals(List.of("/careleaf/search?q=spread&lang=en", "/careleaf/search?q=spread&lang=ar",
                "/careleaf/search?q=spread&lang=de"), d.select("nav.languages a").eachAttr("href"));
    }

    @Test
    void laterPagesLinkBack() throws Exception {
        Document d = Jsoup.parse(pages.get("/search", "q", "spread", "offset", "20").text());
        assertEquals("21", d.selectFirst("ol.search-hits").attr("start"));
        assertEquals(5, d.select("ol.search-hits > li").size());
        assertNull(d.selectFirst("nav.pages a[rel=next]"));
        assertEquals("/careleaf/search?q=spread&offset=10&lang=en", d.selectFirst("nav.pages a[rel=prev]").attr("href"));
    }

    @Test
    void noQueryShowsTheFormAndBadInputIs400() throws Exception {
        Document empty = Jsoup.parse(pages.get("/search").text());
        assertTrue(empty.select("ol.search-hits").isEmpty());
        assertNotNull(empty.selectFirst("form[role=search]"));
        assertEquals(400, pages.get("/search", "q", "refuse").status);
        assertEquals(400, pages.get("/search", "q", "x".repeat(201)).status);
        assertEquals(400, pages.get("/search", "q", "pain", "offset", "ten").status);
    }

    @Test
    void withoutSearchTheResultsPageSaysSo() throws Exception {
        FakeHttp x = new Pages(Libraries.sample()).get("/search", "q", "pain");
        assertEquals(503, x.status);
        assertTrue(Jsoup.parse(x.text()).selectFirst("main p.notice").text().startsWith("Search is not available"));
    }
}
