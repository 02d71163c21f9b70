package org.careleaf.web.internal.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.careleaf.catalog.internal.library.TestCatalog;
import org.careleaf.model.Category;
import org.careleaf.model.ModuleDocument;
import org.careleaf.model.Section;
import org.careleaf.web.internal.http.Libraries;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

/** One topic's page, checked by its structure: landmarks, headings, lang and dir, links. */
class ModulePageTest {

    private final Pages pages = new Pages(Libraries.sample());

    private Document module(String id, String lang) throws Exception {
        return pages.page("/modules/" + id, lang);
    }

    private static String langOf(Element e) {
        return e.hasAttr("lang") ? e.attr("lang") : null;
    }

    @Test
    void pageShellIsComplete() throws Exception {
        Document d = module("mpc-overview", "en");
        assertEquals("en", d.selectFirst("html").attr("lang"));
        assertEquals("ltr", d.selectFirst("html").attr("dir"));
        assertNotNull(d.selectFirst("head > meta[charset=utf-8]"));
        assertNotNull(d.selectFirst("head > meta[name=viewport]"));
        assertEquals("What it is – Patient information", d.title());
        Element skip = d.selectFirst("body > a.skip-link");
        assertEquals("#cl_main", skip.attr("href"));
        assertEquals(1, d.select("main#cl_main").size());
        assertEquals(1, d.select("header").size());
        assertEquals(1, d.select("footer").size());
        assertEquals(1, d.select("h1").size());
        assertTrue(d.selectFirst("link[rel=stylesheet]").attr("href").startsWith("/careleaf/static/viewer.css?v="));
        assertTrue(d.select("script, [style], [onclick]").isEmpty());
        assertEquals("/careleaf/?lang=en", d.selectFirst("header .site-name a").attr("href"));
        assertEquals("/careleaf/?lang=en", d.selectFirst("header .back a").attr("href"));
    }

    @Test
    void modulePageHasEveryPart() throws Exception {
        Document d = module("mpc-overview", "en");
        assertEquals("What it is", d.selectFirst("h1").text());
        Element summary = d.selectFirst("p.summary");
        assertEquals("How it spreads & why.", summary.text());
        assertEquals("spreads", summary.selectFirst("strong").text());
        Element toc = d.selectFirst("nav.toc");
        assertEquals("cl_toc", toc.attr("aria-labelledby"));
        assertEquals("On this page", toc.selectFirst("h2#cl_toc").text());
        assertEquals(List.of("#basics", "#tests"), toc.select("a").eachAttr("href"));
        Element basics = d.selectFirst("section.part#basics");
        assertEquals("The basics", basics.selectFirst("h2").text());
        assertEquals("still", basics.selectFirst("p#basics-p1 strong").text());
        assertEquals("It spreads to:", basics.selectFirst("#basics-l1 > p").text());
        assertEquals(List.of("Bones. Most often.", "Lymph nodes."), basics.select("#basics-l1 li").eachText());
        assertEquals("Where has the cancer spread?", basics.selectFirst(".question p.asked").text());
        assertEquals("Question to ask", basics.selectFirst(".question p.label").text());
        Elements terms = basics.select(".glossary dl > div");
        assertEquals(List.of("basics-g1", "basics-g2"), terms.eachAttr("id"), "consecutive glossary blocks share one list");
        assertEquals(1, basics.select(".glossary dl").size());
        assertEquals("PSA", terms.get(0).selectFirst("dt").text());
        assertTrue(basics.select(".glossary .label").isEmpty(), "a run of terms needs no label");
    }

    @Test
    void headingsDescendInOrder() throws Exception {
        Document d = module("mpc-overview", "en");
        int previous = 1;
        for (Element h : d.select("main h1, main h2, main h3, main h4")) {
            int level = Integer.parseInt(h.tagName().substring(1));
            assertTrue(level <= previous + 1, "heading " + h + " skips a level");
            previous = level;
        }
    }

    @Test
    void loneGlossaryTermIsLabelled() throws Exception {
        ModuleDocument d = Libraries.document("mpc-one", "en", "One", "One term.", Category.SUPPORT, 1,
                List.of(new Section("s", "S", List.of(Libraries.paragraph("s-p", "Text."),
                        Libraries.glossary("s-g", "PSA", "A protein.")))));
        Document page = new Pages(new TestCatalog().module(d)).page("/modules/mpc-one", "en");
        Element glossary = page.selectFirst(".glossary");
        assertEquals("Word to know", glossary.selectFirst("p.label").text());
        assertEquals("A protein.", glossary.selectFirst("div#s-g dd").text());
    }

    @Test
    void urgentCalloutSaysSoInWords() throws Exception {
        Document d = module("mpc-overview", "en");
        Element urgent = d.selectFirst("#basics-c1");
        assertTrue(urgent.hasClass("callout") && urgent.hasClass("callout-urgent"));
        assertEquals("note", urgent.attr("role"));
        assertEquals("! Get help now", urgent.selectFirst(".callout-label").text());
        assertEquals("true", urgent.selectFirst(".callout-icon").attr("aria-hidden"));
        assertEquals("Call now if", urgent.selectFirst("h3").text());
        assertEquals(List.of("Back pain", "Weak legs"), urgent.select("li").eachText());
        assertEquals("i Good to know", d.selectFirst("#tests-c1.callout-info .callout-label").text());
    }

    @Test
    void aboutBoxSaysTheContentIsNotReviewed() throws Exception {
        Element about = module("mpc-overview", "en").selectFirst("section.about#cl_about");
        assertEquals("About this information", about.selectFirst("h2").text());
        assertTrue(about.selectFirst("p.review-status.not-reviewed strong").text().startsWith("Not yet reviewed"));
        assertEquals(List.of("2026-11-28", "2027-05-28"), about.select("time").eachAttr("datetime"));
        assertEquals("November 28, 2026", about.selectFirst("time").text());
        assertTrue(about.text().contains("Version 1.2.0"));
    }

    @Test
    void sourcesAreLinkedWithPublisherAndDate() throws Exception {
        Element source = module("mpc-overview", "en").selectFirst("section.sources li");
        assertEquals("https://prostatecanceruk.org/advanced", source.selectFirst("a").attr("href"));
        assertEquals("Advanced prostate cancer", source.selectFirst("a").text());
        assertEquals("Prostate Cancer UK", source.selectFirst(".publisher").text());
        assertEquals("2026-11-20", source.selectFirst(".accessed time").attr("datetime"));
    }

    @Test
    void sourceLanguagePageHasNoTranslationNotice() throws Exception {
        assertTrue(module("mpc-overview", "en").select(".translation-notice, .fallback-note").isEmpty());
    }

    @Test
    void arabicPageIsRightToLeft() throws Exception {
        Document d = module("mpc-overview", "ar");
        assertEquals("ar", d.selectFirst("html").attr("lang"));
        assertEquals("rtl", d.selectFirst("html").attr("dir"));
        assertEquals("ما هو", d.selectFirst("h1").text());
        assertNull(langOf(d.selectFirst("h1")));
        assertTrue(d.selectFirst("#basics-c1 .callout-label").text().contains("اطلب المساعدة الآن"));
        assertEquals("ع translation.machine-assisted", d.selectFirst("p.translation-notice").text());
    }

    @Test
    void fallbackBlockIsMarkedEnglishWithANote() throws Exception {
        Document d = module("mpc-overview", "ar");
        Element p1 = d.selectFirst("#basics-p1");
        assertEquals("en", p1.attr("lang"));
        assertEquals("ltr", p1.attr("dir"));
        Element note = p1.selectFirst(".fallback-note");
        assertEquals("ar", note.attr("lang"));
        assertEquals("rtl", note.attr("dir"));
        assertEquals("معروض باللغة الإنجليزية", note.text());
        assertEquals("It is still prostate cancer.", p1.select("p").last().text());
        Element g2 = d.selectFirst("#basics-g2");
        assertEquals("en", g2.attr("lang"));
        assertEquals("dd", g2.selectFirst(".fallback-note").tagName());
        assertFalse(d.selectFirst("#basics-g1").hasAttr("lang"));
        assertEquals(3, d.select(".fallback-note").size());
    }

    @Test
    void fallbackSectionIsEnglishAndItsTranslatedBlocksAreNot() throws Exception {
        Document d = module("mpc-overview", "ar");
        Element tests = d.selectFirst("section#tests");
        assertEquals("en", tests.attr("lang"));
        assertEquals("ltr", tests.attr("dir"));
        Element tocLink = d.selectFirst("nav.toc a[href=#tests]");
        assertEquals("en", tocLink.attr("lang"));
        assertEquals("ar", d.selectFirst("#tests-p1").attr("lang"));
        assertEquals("rtl", d.selectFirst("#tests-p1").attr("dir"));
        assertEquals("ar", d.selectFirst("#tests-c1").attr("lang"));
    }

    @Test
    void untranslatedUiStringIsMarkedEnglish() throws Exception {
        Element label = module("mpc-overview", "ar").selectFirst(".question p.label > span");
        assertEquals("en", label.attr("lang"));
        assertEquals("ltr", label.attr("dir"));
        assertEquals("Question to ask", label.text());
    }

    @Test
    void missingTranslationIsShownInEnglishWithOneNotice() throws Exception {
        Document d = module("mpc-overview", "de");
        assertEquals("de", d.selectFirst("html").attr("lang"));
        assertEquals("en", d.selectFirst("h1").attr("lang"));
        assertFalse(d.selectFirst("h1").hasAttr("dir"), "both are left to right");
        Element notice = d.selectFirst("p.translation-notice > span[lang=en]");
        assertTrue(notice.text().startsWith("This topic is not yet translated"));
        assertEquals("en", d.selectFirst("section#basics").attr("lang"));
        assertEquals("en", d.selectFirst("#basics-p1").attr("lang"));
        assertTrue(d.select(".fallback-note").isEmpty());
        Element home = d.selectFirst("header .site-name a");
        assertEquals("/careleaf/?lang=de", home.attr("href"));
        assertEquals("Patienteninformation", home.text());
    }

    @Test
    void switcherLinksToThisPageInEveryLanguage() throws Exception {
        Elements links = module("mpc-overview", "ar").select("nav.languages[aria-labelledby=cl_languages] a");
        assertEquals(List.of("/careleaf/modules/mpc-overview?lang=en", "/careleaf/modules/mpc-overview?lang=ar",
                "/careleaf/modules/mpc-overview?lang=de"), links.eachAttr("href"));
        assertEquals(List.of("English", "العربية", "Deutsch"), links.eachText());
        assertEquals(links.eachAttr("lang"), links.eachAttr("hreflang"));
        assertEquals("ltr", links.get(0).attr("dir"));
        assertFalse(links.get(1).hasAttr("dir"));
        assertEquals(1, links.select("[aria-current=page]").size());
        assertEquals("ar", links.select("[aria-current=page]").attr("lang"));
    }

    @Test
    void keyPointsComeFirstAsAnEasyReadBox() throws Exception {
        Document d = new Pages(Libraries.illustrated()).page("/modules/mpc-spread", "en");
        Element keyPoints = d.selectFirst("main > section.key-points#key-points");
        assertEquals("Key points", keyPoints.selectFirst("h2").text());
        assertEquals(List.of("It can spread to bones.", "Call your team if pain is new."),
                keyPoints.select("li").eachText());
        Elements order = d.select("main > section.key-points, main > nav.toc");
        assertTrue(order.get(0).hasClass("key-points"), "key points before the table of contents");
        assertFalse(d.select("nav.toc a").eachAttr("href").contains("#key-points"));
    }

    @Test
    void figuresAreFiguresWithAltTextAndCaption() throws Exception {
        Document d = new Pages(Libraries.illustrated()).page("/modules/mpc-spread", "en");
        Element figure = d.selectFirst("figure#where-f1");
        Element img = figure.selectFirst("img");
        assertEquals("/careleaf/figures/mpc-spread/figures/body.svg", img.attr("src"));
        assertEquals("A body with the spine marked", img.attr("alt"));
        assertEquals("Where it often spreads.", figure.selectFirst("figcaption").text());
        assertEquals("often", figure.selectFirst("figcaption strong").text());
    }

    @Test
    void anUntranslatedFigureIsMarkedAsSuch() throws Exception {
        Document d = new Pages(Libraries.illustrated()).page("/modules/mpc-spread", "es");
        assertEquals("Puntos clave", d.selectFirst(".key-points h2").text());
        Element figure = d.selectFirst("figure#where-f1");
        assertEquals("en", figure.attr("lang"));
        assertNotNull(figure.selectFirst(".fallback-note[lang=es]"));
    }

    @Test
    void contentCannotInjectMarkup() throws Exception {
        ModuleDocument evil = Libraries.document("mpc-evil", "en", "<script>alert(1)</script>",
                "\"><img src=x onerror=alert(1)>", Category.SUPPORT, 1, List.of(new Section("s", "<i>s</i>",
                        List.of(Libraries.paragraph("s-p", "**<b onclick='x'>**")))));
        String html = new Pages(new TestCatalog().module(evil)).get("/modules/mpc-evil", "lang", "en").text();
        Document d = Jsoup.parse(html);
        assertTrue(d.select("main script, main img, main i, main b, [onerror], [onclick]").isEmpty(), html);
        assertEquals("<script>alert(1)</script>", d.selectFirst("h1").text());
        assertEquals("<b onclick='x'>", d.selectFirst("#s-p strong").text());
        assertEquals("<script>alert(1)</script> – Patient information", d.title());
    }

    private static void assertNull(Object o) {
        org.junit.jupiter.api.Assertions.assertNull(o);
    }
}
