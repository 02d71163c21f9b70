package org.careleaf.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapesTheFiveSpecialCharacters() {
        assertEquals("&amp;&lt;&gt;&quot;&#39;", Html.escape("&<>\"'"));
        assertEquals("plain", Html.escape("plain"));
        assertEquals("", Html.escape(null));
    }

    @Test
    void boldIsTheOnlyMarkup() {
        assertEquals("a <strong>b</strong> c <strong>d</strong>", Html.inline("a **b** c **d**"));
        assertEquals("<strong>&lt;script&gt;</strong>", Html.inline("**<script>**"));
        assertEquals("&lt;b&gt;x&lt;/b&gt; __y__ *z*", Html.inline("<b>x</b> __y__ *z*"));
    }

    @Test
    void unbalancedOrEmptyBoldStaysText() {
        assertEquals("a ** b", Html.inline("a ** b"));
        assertEquals("****", Html.inline("****"));
        assertEquals("<strong>a</strong> **", Html.inline("**a** **"));
    }

    @Test
    void boldCannotOpenAnAttribute() {
        assertEquals("<strong>&quot; onclick=&quot;x</strong>", Html.inline("**\" onclick=\"x**"));
    }

    @Test
    void attributeValuesAreEscaped() {
        assertEquals(" href=\"/a?b=1&amp;c=&quot;2&quot;\"", Html.attr("href", "/a?b=1&c=\"2\""));
    }
}
