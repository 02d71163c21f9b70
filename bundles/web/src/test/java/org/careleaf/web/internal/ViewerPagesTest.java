package org.careleaf.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.careleaf.catalog.internal.library.TestCatalog;
import org.careleaf.model.Category;
import org.careleaf.model.ModuleDocument;
import org.careleaf.model.Section;
import org.junit.jupiter.api.Test;

class ViewerPagesTest {

    private final TestCatalog catalog = InMemoryCatalog.sample();

    private ViewerPages pages(String locale) {
        return new ViewerPages(catalog.view(locale), "/careleaf", "/careleaf/static/viewer.css?v=1");
    }

    private String module(String id, String locale) {
        return pages(locale).module(id, locale).orElseThrow();
    }

    private static int count(String html, String what) {
        return html.split(Pattern.quote(what), -1).length - 1;
    }

    /** The start tag of the element with this id. */
    private static String startTag(String html, String id) {
        Matcher m = Pattern.compile("<[a-z0-9]+[^>]* id=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(html);
        assertTrue(m.find(), "no element with id " + id);
        return m.group();
    }

    @Test
    void pageShellIsComplete() {
        String html = module("mpc-overview", "en");
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">"));
        assertTrue(html.contains("<meta charset=\"utf-8\">"));
        assertTrue(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"));
        assertTrue(html.contains("<title>What it is – Patient information</title>"));
        assertTrue(html.contains("<a class=\"skip-link\" href=\"#cl_main\">Skip to main content</a>"));
        assertTrue(html.contains("<main id=\"cl_main\""));
        assertEquals(1, count(html, "<h1"));
        assertEquals(1, count(html, "<header"));
        assertEquals(1, count(html, "<footer"));
        assertTrue(html.contains("<link rel=\"stylesheet\" href=\"/careleaf/static/viewer.css?v=1\">"));
        assertFalse(html.contains("<script"));
        assertFalse(html.contains("style="));
        assertEquals(count(html, "<div"), count(html, "</div>"));
        assertEquals(count(html, "<section"), count(html, "</section>"));
        assertEquals(count(html, "<ul"), count(html, "</ul>"));
    }

    @Test
    void modulePageHasEveryPart() {
        String html = module("mpc-overview", "en");
        assertTrue(html.contains("<h1>What it is</h1>"));
        assertTrue(html.contains("<p class=\"summary\">How it <strong>spreads</strong> &amp; why.</p>"));
        assertTrue(html.contains("<nav class=\"toc\" aria-labelledby=\"cl_toc\">\n<h2 id=\"cl_toc\">On this page</h2>"));
        assertTrue(html.contains("<li><a href=\"#basics\">The basics</a></li>"));
        assertTrue(html.contains("<li><a href=\"#tests\">Tests</a></li>"));
        assertTrue(html.contains("<section class=\"part\" id=\"basics\">\n<h2>The basics</h2>"));
        assertTrue(html.contains("<p id=\"basics-p1\">It is <strong>still</strong> prostate cancer.</p>"));
        assertTrue(html.contains("<div class=\"block list\" id=\"basics-l1\">\n<p>It spreads to:</p>\n<ul>\n"
                + "<li><strong>Bones.</strong> Most often.</li>"));
        assertTrue(html.contains("<p class=\"label\">Question to ask</p>\n<p class=\"asked\">Where has"));
        assertTrue(html.contains("<dl>\n<div id=\"basics-g1\">\n<dt>PSA</dt>\n<dd>A protein made by the prostate.</dd>"
                + "\n</div>\n<div id=\"basics-g2\">"), "consecutive glossary blocks share one list");
        assertFalse(html.contains("Word to know"), "a run of terms needs no label");
    }

    @Test
    void loneGlossaryTermIsLabelled() {
        ModuleDocument d = InMemoryCatalog.document("mpc-one", "en", "One", "One term.", Category.SUPPORT, 1,
                List.of(new Section("s", "S", List.of(InMemoryCatalog.paragraph("s-p", "Text."),
                        InMemoryCatalog.glossary("s-g", "PSA", "A protein.")))));
        String html = new ViewerPages(new TestCatalog().module(d).view("en"), "/careleaf", "/s.css")
                .module("mpc-one", "en").orElseThrow();
        assertTrue(html.contains("<div class=\"block glossary\">\n<p class=\"label\">Word to know</p>\n<dl>\n"
                + "<div id=\"s-g\">\n<dt>PSA</dt>\n<dd>A protein.</dd>\n</div>\n</dl>\n</div>"));
    }

    @Test
    void urgentCalloutSaysSoInWords() {
        String html = module("mpc-overview", "en");
        assertTrue(startTag(html, "basics-c1").equals(
                "<div class=\"block callout callout-urgent\" role=\"note\" id=\"basics-c1\">"));
        assertTrue(html.contains("<span class=\"callout-icon\" aria-hidden=\"true\">!</span> Get help now</p>\n"
                + "<h3>Call now if</h3>\n<p>You have any of these:</p>\n<ul>\n<li>Back pain</li>"));
        assertTrue(html.contains("callout-info\" role=\"note\" id=\"tests-c1\">"));
        assertTrue(html.contains("</span> Good to know</p>"));
    }

    @Test
    void aboutBoxSaysTheContentIsNotReviewed() {
        String html = module("mpc-overview", "en");
        assertTrue(html.contains("<h2>About this information</h2>\n<p class=\"review-status not-reviewed\"><strong>"
                + "Not yet reviewed by a clinician."));
        assertTrue(html.contains("Last updated: <time datetime=\"2026-11-28\">November 28, 2026</time>"));
        assertTrue(html.contains("Next review due: <time datetime=\"2027-05-28\">May 28, 2027</time>"));
        assertTrue(html.contains("Version 1.2.0"));
    }

    @Test
    void sourcesAreLinkedWithPublisherAndDate() {
        String html = module("mpc-overview", "en");
        assertTrue(html.contains("<li><a href=\"https://prostatecanceruk.org/advanced\">Advanced prostate cancer</a>, "
                + "<span class=\"publisher\">Prostate Cancer UK</span> <span class=\"accessed\">(accessed "
                + "<time datetime=\"2026-11-20\">November 20, 2026</time>)</span></li>"));
    }

    @Test
    void sourceLanguagePageHasNoTranslationNotice() {
        assertFalse(module("mpc-overview", "en").contains("translation-notice"));
    }

    @Test
    void arabicPageIsRightToLeft() {
        String html = module("mpc-overview", "ar");
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">"));
        assertTrue(html.contains("<h1>ما هو</h1>"));
        assertTrue(html.contains("اطلب المساعدة الآن"));
        assertTrue(html.contains("<p class=\"notice translation-notice\" role=\"note\">ع translation.machine-assisted"));
    }

    @Test
    void fallbackBlockIsMarkedEnglishWithANote() {
        String html = module("mpc-overview", "ar");
        assertEquals("<div class=\"block\" id=\"basics-p1\" lang=\"en\" dir=\"ltr\">", startTag(html, "basics-p1"));
        assertTrue(html.contains("<div class=\"block\" id=\"basics-p1\" lang=\"en\" dir=\"ltr\">\n"
                + "<p class=\"fallback-note\" lang=\"ar\" dir=\"rtl\">معروض باللغة الإنجليزية</p>\n"
                + "<p>It is <strong>still</strong> prostate cancer.</p>"));
        assertEquals("<div id=\"basics-g2\" lang=\"en\" dir=\"ltr\">", startTag(html, "basics-g2"));
        assertTrue(html.contains("<dd class=\"fallback-note\" lang=\"ar\" dir=\"rtl\">معروض باللغة الإنجليزية</dd>"));
        assertEquals("<div id=\"basics-g1\">", startTag(html, "basics-g1"));
        assertEquals(3, count(html, "class=\"fallback-note\""));
    }

    @Test
    void fallbackSectionIsEnglishAndItsTranslatedBlocksAreNot() {
        String html = module("mpc-overview", "ar");
        assertEquals("<section class=\"part\" id=\"tests\" lang=\"en\" dir=\"ltr\">", startTag(html, "tests"));
        assertTrue(html.contains("<li><a href=\"#tests\" lang=\"en\" dir=\"ltr\">Tests</a></li>"));
        assertEquals("<p id=\"tests-p1\" lang=\"ar\" dir=\"rtl\">", startTag(html, "tests-p1"));
        assertTrue(startTag(html, "tests-c1").contains(" lang=\"ar\" dir=\"rtl\""));
    }

    @Test
    void untranslatedUiStringIsMarkedEnglish() {
        String html = module("mpc-overview", "ar");
        assertTrue(html.contains("<p class=\"label\"><span lang=\"en\" dir=\"ltr\">Question to ask</span></p>"));
    }

    @Test
    void missingTranslationIsShownInEnglishWithOneNotice() {
        String html = module("mpc-overview", "de");
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"de\" dir=\"ltr\">"));
        assertTrue(html.contains("<h1 lang=\"en\">What it is</h1>"));
        assertTrue(html.contains("<p class=\"notice translation-notice\" role=\"note\"><span lang=\"en\">"
                + "This topic is not yet translated into your language, so it is shown in English."));
        assertEquals("<section class=\"part\" id=\"basics\" lang=\"en\">", startTag(html, "basics"));
        assertEquals("<p id=\"basics-p1\" lang=\"en\">", startTag(html, "basics-p1"));
        assertFalse(html.contains("fallback-note"));
        assertTrue(html.contains("<a href=\"/careleaf/?lang=de\">Patienteninformation</a>"));
    }

    @Test
    void switcherLinksToThisPageInEveryLanguage() {
        String html = module("mpc-overview", "ar");
        assertTrue(html.contains("<nav class=\"languages\" aria-labelledby=\"cl_languages\">"));
        assertTrue(html.contains("<li><a href=\"/careleaf/modules/mpc-overview?lang=en\" lang=\"en\" hreflang=\"en\" "
                + "dir=\"ltr\">English</a></li>"));
        assertTrue(html.contains("<li><a href=\"/careleaf/modules/mpc-overview?lang=ar\" lang=\"ar\" hreflang=\"ar\" "
                + "aria-current=\"page\">العربية</a></li>"));
        assertTrue(html.contains("<li><a href=\"/careleaf/modules/mpc-overview?lang=de\" lang=\"de\" hreflang=\"de\" "
                + "dir=\"ltr\">Deutsch</a></li>"));
        assertEquals(1, count(html, "aria-current"));
    }

    @Test
    void languagesAreNamedInThemselves() {
        assertEquals("Español", ViewerPages.ownName("es"));
        assertEquals("Français", ViewerPages.ownName("fr"));
        assertEquals("Italiano", ViewerPages.ownName("it"));
        assertTrue(ViewerPages.isRightToLeft("fa"));
        assertTrue(ViewerPages.isRightToLeft("he-IL"));
        assertFalse(ViewerPages.isRightToLeft("fr"));
    }

    @Test
    void indexGroupsModulesByCategoryInOrder() {
        String html = pages("en").index("en");
        int overview = html.indexOf("<h2>Understanding the illness</h2>");
        int treatment = html.indexOf("<h2>Treatments</h2>");
        int support = html.indexOf("<h2>Support and daily life</h2>");
        assertTrue(overview > 0 && treatment > overview && support > treatment, html);
        assertTrue(html.contains("<h3><a href=\"/careleaf/modules/mpc-chemotherapy?lang=en\">Chemotherapy</a></h3>"));
        assertTrue(html.indexOf("mpc-chemotherapy?lang=en") > treatment);
        assertTrue(html.contains("<p class=\"site-name\">Patient information</p>"), "no link to the page itself");
        assertTrue(html.contains("<li><a href=\"/careleaf/?lang=en\" lang=\"en\" hreflang=\"en\" aria-current=\"page\">"));
    }

    @Test
    void indexSaysWhichTopicsAreNotTranslated() {
        String html = pages("ar").index("ar");
        assertTrue(html.contains("<li class=\"topic status-machine-assisted\">\n<h3><a "
                + "href=\"/careleaf/modules/mpc-overview?lang=ar\">ما هو</a></h3>"));
        assertTrue(html.contains("<li class=\"topic status-missing\">\n<h3><a "
                + "href=\"/careleaf/modules/mpc-chemotherapy?lang=ar\" lang=\"en\" dir=\"ltr\">Chemotherapy</a></h3>"));
        assertEquals(2, count(html, "<p class=\"topic-status\">ع translation.missing</p>"));
        assertEquals(1, count(html, "ع translation.machine-assisted"));
    }

    @Test
    void emptyCatalogSaysSo() {
        String html = new ViewerPages(new TestCatalog().view("en"), "/careleaf", "/s.css").index("en");
        assertTrue(html.contains("<p class=\"empty\">No topics are available right now.</p>"));
        assertFalse(html.contains("<h2>"));
    }

    @Test
    void unknownModuleHasNoPage() {
        assertTrue(pages("en").module("mpc-nothing", "en").isEmpty());
    }

    @Test
    void errorPageIsInTheReadersLanguage() {
        String html = pages("ar").error("ar", "error.unknown-module");
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">"));
        assertTrue(html.contains("<h1>ع error.unknown-module</h1>"));
        assertTrue(html.contains("<a href=\"/careleaf/?lang=ar\">ع nav.back</a>"));
        assertFalse(html.contains("class=\"languages\""));
    }

    @Test
    void contentCannotInjectMarkup() {
        ModuleDocument evil = InMemoryCatalog.document("mpc-evil", "en", "<script>alert(1)</script>",
                "\"><img src=x onerror=alert(1)>", Category.SUPPORT, 1, List.of(new Section("s", "<i>s</i>",
                        List.of(InMemoryCatalog.paragraph("s-p", "**<b onclick='x'>**")))));
        TestCatalog c = new TestCatalog().module(evil);
        String html = new ViewerPages(c.view("en"), "/careleaf", "/s.css").module("mpc-evil", "en").orElseThrow();
        assertFalse(html.contains("<script"));
        assertFalse(html.contains("<img"));
        assertFalse(html.contains("<i>"));
        assertTrue(html.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>"));
        assertTrue(html.contains("<strong>&lt;b onclick=&#39;x&#39;&gt;</strong>"));
        assertTrue(html.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; – Patient information</title>"));
    }
}
