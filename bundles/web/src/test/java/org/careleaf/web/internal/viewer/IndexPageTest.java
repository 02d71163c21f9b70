package org.careleaf.web.internal.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.careleaf.catalog.internal.library.TestCatalog;
import org.careleaf.model.Audience;
import org.careleaf.model.Category;
import org.careleaf.model.ModuleDocument;
import org.careleaf.model.Review;
import org.careleaf.model.ReviewStatus;
import org.careleaf.web.internal.http.FakeHttp;
import org.careleaf.web.internal.http.Libraries;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

class IndexPageTest {

    private final Pages pages = new Pages(Libraries.sample());

    @Test
    void indexGroupsModulesByCategoryInOrder() throws Exception {
        Document d = pages.page("/", "en");
        assertEquals(List.of("Understanding the illness", "Treatments", "Support and daily life"),
                d.select("main section.category > h2").eachText());
        assertEquals(List.of("/careleaf/modules/mpc-chemotherapy?lang=en"),
                d.select("main section.category:nth-of-type(2) h3 a").eachAttr("href"));
        assertEquals("Chemotherapy", d.selectFirst("a[href*=mpc-chemotherapy]").text());
        Element siteName = d.selectFirst("header p.site-name");
        assertTrue(siteName.select("a").isEmpty(), "no link to the page itself");
        Element current = d.selectFirst("nav.languages a[aria-current=page]");
        assertEquals("/careleaf/?lang=en", current.attr("href"));
        assertTrue(d.select("section.pack, nav.pages").isEmpty(), "one pack, one page: as before");
    }

    @Test
    void indexSaysWhichTopicsAreNotTranslated() throws Exception {
        Document d = pages.page("/", "ar");
        Element overview = d.selectFirst("li.topic:has(a[href*=mpc-overview])");
        assertTrue(overview.hasClass("status-machine-assisted"));
        assertFalse(overview.selectFirst("a").hasAttr("lang"));
        Element chemo = d.selectFirst("li.topic:has(a[href*=mpc-chemotherapy])");
        assertTrue(chemo.hasClass("status-missing"));
        assertEquals("en", chemo.selectFirst("h3 a").attr("lang"));
        assertEquals("ltr", chemo.selectFirst("h3 a").attr("dir"));
        assertEquals(List.of("ع translation.missing", "ع translation.missing"), d.select("p.topic-status").eachText());
        assertEquals(1, d.select("p.translation-notice").size(), "machine assistance is said once");
    }

    @Test
    void emptyCatalogSaysSo() throws Exception {
        Document d = new Pages(new TestCatalog()).page("/", "en");
        assertEquals("No topics are available right now.", d.selectFirst("p.empty").text());
        assertTrue(d.select("main h2").isEmpty());
    }

    private static TestCatalog library(int mpc, int hf) {
        TestCatalog c = new TestCatalog();
        for (int i = 0; i < mpc + hf; i++) {
            String pack = i < mpc ? "mpc" : "hf";
            c.module(new ModuleDocument(1, pack + "-topic-" + i, "1.0.0", "en", pack, "Topic " + i, "About " + i,
                    i % 3 == 0 ? Category.OVERVIEW : Category.SUPPORT, i, List.of(Audience.PATIENT), List.of(), List.of(),
                    null, new Review(ReviewStatus.NOT_CLINICALLY_REVIEWED, "2026-11-28", null, null, "2027-05-28", "t"),
                    List.of(), List.of()));
        }
        return c;
    }

    @Test
    void severalPacksEachHaveAHeading() throws Exception {
        Document d = new Pages(library(3, 2)).page("/", "en");
        Elements packs = d.select("main section.pack");
        assertEquals(2, packs.size());
        assertEquals(List.of("Topic 0", "Topic 3"), packs.select("> h2").eachText());
        assertEquals(packs.get(0).attr("aria-labelledby"), packs.get(0).selectFirst("h2").id());
        assertFalse(packs.get(0).select("section.category > h3").isEmpty());
        assertFalse(packs.get(0).select("li.topic h4 a").isEmpty());
    }

    @Test
    void aLargeLibraryListsItsPacksAndPagesThroughEach() throws Exception {
        Pages big = new Pages(library(250, 5));
        Document first = big.page("/", "en");
        assertTrue(first.select("li.topic").isEmpty(), "no topic list on the overview of a large library");
        Element more = first.selectFirst("section.pack a[href*=pack=mpc]");
        assertEquals("/careleaf/?pack=mpc&lang=en", more.attr("href"));
        assertEquals("See all 250 topics", more.text());

        List<String> seen = new ArrayList<>();
        String href = more.attr("href");
        int pagesRead = 0;
        while (href != null) {
            FakeHttp x = new FakeHttp("GET", "/");
            for (String kv : href.substring(href.indexOf('?') + 1).split("&")) {
                String[] p = kv.split("=", 2);
                x.param(p[0], java.net.URLDecoder.decode(p[1], java.nio.charset.StandardCharsets.UTF_8));
            }
            Document page = Jsoup.parse(big.call(x).text());
            seen.addAll(page.select("li.topic h4 a").eachText());
            Element next = page.selectFirst("nav.pages a[rel=next]");
            href = next == null ? null : next.attr("href");
            if (pagesRead++ > 0) {
                assertNotNull(page.selectFirst("nav.pages a[href='/careleaf/?pack=mpc&lang=en']"), "a way back to page 1");
            }
        }
        assertEquals(3, pagesRead);
        assertEquals(250, seen.size());
        assertEquals(250, new java.util.HashSet<>(seen).size(), "each topic once");
    }

    @Test
    void badPackParametersAre400AndUnknownPacks404() throws Exception {
        assertEquals(400, pages.get("/", "pack", "Not A Pack").status);
        assertEquals(400, pages.get("/", "pack", "mpc", "cursor", "<x>").status);
        assertEquals(400, pages.get("/", "cursor", "10:mpc-overview").status);
        assertEquals(200, pages.get("/", "pack", "mpc", "cursor", "5:no-such-module").status,
                "a cursor names a position, which stays valid while modules come and go");
        assertEquals(404, pages.get("/", "pack", "hf").status);
        assertEquals(200, pages.get("/", "pack", "mpc").status);
    }
}
