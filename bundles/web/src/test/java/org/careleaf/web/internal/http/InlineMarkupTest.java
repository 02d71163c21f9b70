package org.careleaf.web.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import freemarker.template.TemplateModelException;

import org.junit.jupiter.api.Test;

class InlineMarkupTest {

    private static String inline(String text) throws TemplateModelException {
        return freemarker.core.HTMLOutputFormat.INSTANCE.getMarkupString(InlineMarkup.html(text));
    }

    @Test
    void escapesTheFiveSpecialCharacters() throws Exception {
        assertEquals("&amp;&lt;&gt;&quot;&#39;", inline("&<>\"'"));
        assertEquals("plain", inline("plain"));
        assertEquals("", inline(null));
    }

    @Test
    void boldIsTheOnlyMarkup() throws Exception {
        assertEquals("a <strong>b</strong> c <strong>d</strong>", inline("a **b** c **d**"));
        assertEquals("<strong>&lt;script&gt;</strong>", inline("**<script>**"));
        assertEquals("&lt;b&gt;x&lt;/b&gt; __y__ *z*", inline("<b>x</b> __y__ *z*"));
    }

    @Test
    void unbalancedOrEmptyBoldStaysText() throws Exception {
        assertEquals("a ** b", inline("a ** b"));
        assertEquals("****", inline("****"));
        assertEquals("<strong>a</strong> **", inline("**a** **"));
    }

    @Test
    void boldCannotOpenAnAttribute() throws Exception {
        assertEquals("<strong>&quot; onclick=&quot;x</strong>", inline("**\" onclick=\"x**"));
    }

    @Test
    void templatesEscapeEverythingElse() {
        String html = new Templates().render("viewer/error.ftlh", Map.of(
                "page", new org.careleaf.web.internal.viewer.Shell("en", "ltr", "<script>", "/c", "/c/s.css?v=1",
                        "/c/?lang=en&x=\"", false, java.util.List.of(), false, false, null),
                "strings", UiStrings.of("en", java.util.Optional.empty()),
                "m", Map.of("messageKey", "error.not-found")));
        assertTrue(html.contains("<title>&lt;script&gt;</title>"), html);
        assertTrue(html.contains("href=\"/c/?lang=en&amp;x=&quot;\""), html);
    }

    @Test
    void aBrokenTemplateIsAnErrorNotHalfAPage() {
        assertThrows(IllegalStateException.class, () -> new Templates().render("viewer/error.ftlh", Map.of()));
    }
}
