package org.careleaf.web.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.careleaf.model.Block;
import org.careleaf.model.BlockType;
import org.careleaf.model.CalloutLevel;
import org.careleaf.model.Category;
import org.careleaf.model.CatalogView;
import org.careleaf.model.ModuleDocument;
import org.careleaf.model.ModuleView;
import org.careleaf.model.Review;
import org.careleaf.model.Section;
import org.careleaf.model.Source;
import org.careleaf.model.TranslationStatus;

/**
 * The patient viewer's HTML: the list of topics, one topic, and error pages, in the reader's language.
 * Every text is escaped; content may only make words bold. Parts served in the source language because
 * their translation is missing or stale carry that language in {@code lang} (and {@code dir}), so screen
 * readers pronounce them right, and say so in a short note in the reader's language.
 *
 * <p>The viewer's own ids contain an underscore, which content ids cannot, so they never clash with
 * section and block ids used as fragment targets.
 */
final class ViewerPages {

    private static final Map<String, String> OWN_NAMES = Map.of(
            "en", "English", "es", "Español", "de", "Deutsch", "fr", "Français", "ar", "العربية");
    private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "he", "fa", "ur");
    private static final String MAIN_ID = "cl_main";

    private final CatalogView view;
    private final String base;
    private final String stylesheet;

    /**
     * @param base the viewer's path, without a trailing slash (e.g. {@code /careleaf})
     * @param stylesheet the href of the stylesheet, versioned so browsers may keep it long
     */
    ViewerPages(CatalogView view, String base, String stylesheet) {
        this.view = view;
        this.base = base;
        this.stylesheet = stylesheet;
    }

    /** The enabled modules grouped by category, in the reader's language. */
    String index(String locale) {
        Page p = new Page(locale);
        List<ModuleView> views = view.modules();
        StringBuilder main = new StringBuilder();
        main.append("<h1>").append(p.ui("site.title")).append("</h1>\n");
        main.append("<p class=\"tagline\">").append(p.ui("site.tagline")).append("</p>\n");
        if (views.stream().anyMatch(v -> v.translationStatus() == TranslationStatus.MACHINE_ASSISTED)) {
            main.append("<p class=\"notice translation-notice\" role=\"note\">")
                    .append(p.ui("translation.machine-assisted")).append("</p>\n");
        }
        if (views.isEmpty()) {
            main.append("<p class=\"empty\">").append(p.ui("empty")).append("</p>\n");
        }
        for (Category category : Category.values()) {
            List<ModuleView> inCategory = views.stream().filter(v -> v.content().category() == category).toList();
            if (inCategory.isEmpty()) {
                continue;
            }
            main.append("<section class=\"category\">\n<h2>")
                    .append(p.ui("category." + WebJson.name(category))).append("</h2>\n<ul class=\"topics\">\n");
            for (ModuleView v : inCategory) {
                topicItem(p, v, main);
            }
            main.append("</ul>\n</section>\n");
        }
        return p.shell(p.text("site.title"), "/", false, main);
    }

    private void topicItem(Page p, ModuleView v, StringBuilder out) {
        Set<String> fallback = new HashSet<>(v.fallbackIds());
        String status = WebJson.name(v.translationStatus());
        out.append("<li class=\"topic status-").append(Html.escape(status)).append("\">\n<h3><a")
                .append(Html.attr("href", moduleHref(v.id(), p.locale)))
                .append(p.langAttrs(partLang(v, fallback, ModuleView.TITLE_ID), p.locale)).append('>')
                .append(Html.inline(v.content().title())).append("</a></h3>\n<p")
                .append(p.langAttrs(partLang(v, fallback, ModuleView.SUMMARY_ID), p.locale)).append('>')
                .append(Html.inline(v.content().summary())).append("</p>\n");
        // Machine-assisted status is said once above the list; only the exceptions are said per topic.
        if (v.translationStatus() == TranslationStatus.MISSING || v.translationStatus() == TranslationStatus.REVIEWED) {
            out.append("<p class=\"topic-status\">").append(p.ui("translation." + status)).append("</p>\n");
        }
        out.append("</li>\n");
    }

    /** One module's page, or empty when the module is unknown or disabled. */
    Optional<String> module(String id, String locale) {
        return view.module(id).map(v -> modulePage(v, locale));
    }

    private String modulePage(ModuleView v, String locale) {
        Page p = new Page(locale);
        ModuleDocument m = v.content();
        Set<String> fallback = new HashSet<>(v.fallbackIds());
        // A module with no translation is English throughout: one notice says so instead of a note per part.
        boolean notePerPart = v.translationStatus() != TranslationStatus.MISSING;
        StringBuilder main = new StringBuilder();

        String titleLang = partLang(v, fallback, ModuleView.TITLE_ID);
        main.append("<h1").append(p.langAttrs(titleLang, locale)).append('>').append(Html.inline(m.title()))
                .append("</h1>\n");
        if (notePerPart && fallback.contains(ModuleView.TITLE_ID)) {
            main.append(p.fallbackNote("p", locale));
        }
        String summaryLang = partLang(v, fallback, ModuleView.SUMMARY_ID);
        main.append("<p class=\"summary\"").append(p.langAttrs(summaryLang, locale)).append('>')
                .append(Html.inline(m.summary())).append("</p>\n");
        if (notePerPart && fallback.contains(ModuleView.SUMMARY_ID)) {
            main.append(p.fallbackNote("p", locale));
        }
        translationNotice(p, v.translationStatus(), main);

        if (!m.sections().isEmpty()) {
            main.append("<nav class=\"toc\" aria-labelledby=\"cl_toc\">\n<h2 id=\"cl_toc\">")
                    .append(p.ui("module.contents")).append("</h2>\n<ol>\n");
            for (Section s : m.sections()) {
                main.append("<li><a").append(Html.attr("href", "#" + s.id()))
                        .append(p.langAttrs(partLang(v, fallback, s.id()), locale)).append('>')
                        .append(Html.inline(s.title())).append("</a></li>\n");
            }
            main.append("</ol>\n</nav>\n");
        }
        for (Section s : m.sections()) {
            section(p, v, s, fallback, notePerPart, main);
        }
        about(p, m, main);
        sources(p, v, m.sources(), main);
        return p.shell(m.title() + " – " + p.text("site.title"), "/modules/" + v.id(), true, main);
    }

    private static void translationNotice(Page p, TranslationStatus status, StringBuilder out) {
        if (status == TranslationStatus.SOURCE) {
            return;
        }
        String key = switch (status) {
            case MISSING, AWAITING_APPROVAL -> "translation.missing";
            case REVIEWED -> "translation.reviewed";
            default -> "translation.machine-assisted";
        };
        out.append("<p class=\"notice translation-notice\" role=\"note\">").append(p.ui(key)).append("</p>\n");
    }

    private void section(Page p, ModuleView v, Section s, Set<String> fallback, boolean notePerPart,
            StringBuilder out) {
        String sectionLang = partLang(v, fallback, s.id());
        out.append("<section class=\"part\"").append(Html.attr("id", s.id()))
                .append(p.langAttrs(sectionLang, p.locale)).append(">\n<h2>").append(Html.inline(s.title()))
                .append("</h2>\n");
        if (notePerPart && fallback.contains(s.id())) {
            out.append(p.fallbackNote("p", sectionLang));
        }
        List<Block> blocks = s.blocks();
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            if (b.type() == BlockType.GLOSSARY) {
                List<Block> group = new ArrayList<>();
                while (i < blocks.size() && blocks.get(i).type() == BlockType.GLOSSARY) {
                    group.add(blocks.get(i++));
                }
                i--;
                glossary(p, v, group, fallback, notePerPart, sectionLang, out);
            } else {
                block(p, v, b, fallback, notePerPart, sectionLang, out);
            }
        }
        out.append("</section>\n");
    }

    private void block(Page p, ModuleView v, Block b, Set<String> fallback, boolean notePerPart,
            String parentLang, StringBuilder out) {
        String lang = partLang(v, fallback, b.id());
        String langAttrs = p.partAttrs(lang, fallback.contains(b.id()), parentLang);
        String note = notePerPart && fallback.contains(b.id()) ? p.fallbackNote("p", lang) : "";
        String id = Html.attr("id", b.id());
        BlockType type = b.type() == null ? BlockType.PARAGRAPH : b.type();
        switch (type) {
            case LIST -> {
                out.append("<div class=\"block list\"").append(id).append(langAttrs).append(">\n").append(note);
                if (present(b.text())) {
                    out.append("<p>").append(Html.inline(b.text())).append("</p>\n");
                }
                items(b.items(), out);
                out.append("</div>\n");
            }
            case CALLOUT -> callout(p, b, id + langAttrs, lang, note, out);
            case QUESTION -> out.append("<div class=\"block question\"").append(id).append(langAttrs).append(">\n")
                    .append(note).append("<p class=\"label\">").append(p.uiIn(lang, "block.question"))
                    .append("</p>\n<p class=\"asked\">").append(Html.inline(b.text())).append("</p>\n</div>\n");
            default -> {
                if (note.isEmpty()) {
                    out.append("<p").append(id).append(langAttrs).append('>').append(Html.inline(b.text()))
                            .append("</p>\n");
                } else {
                    out.append("<div class=\"block\"").append(id).append(langAttrs).append(">\n").append(note)
                            .append("<p>").append(Html.inline(b.text())).append("</p>\n</div>\n");
                }
            }
        }
    }

    /** A boxed message; urgency shows in words and an icon, not only in colour. */
    private static void callout(Page p, Block b, String idAndLang, String lang, String note, StringBuilder out) {
        CalloutLevel level = b.level() == null ? CalloutLevel.INFO : b.level();
        String levelName = WebJson.name(level);
        String labelKey = "callout." + levelName;
        out.append("<div class=\"block callout callout-").append(levelName).append("\" role=\"note\"")
                .append(idAndLang).append(">\n").append(note)
                .append("<p class=\"callout-label\"><span class=\"callout-icon\" aria-hidden=\"true\">")
                .append(level == CalloutLevel.INFO ? "i" : "!")
                .append("</span> ").append(p.uiIn(lang, labelKey)).append("</p>\n");
        if (present(b.title())) {
            out.append("<h3>").append(Html.inline(b.title())).append("</h3>\n");
        }
        if (present(b.text())) {
            out.append("<p>").append(Html.inline(b.text())).append("</p>\n");
        }
        items(b.items(), out);
        out.append("</div>\n");
    }

    /** Consecutive glossary blocks as one definition list; each term and definition keeps its block id. */
    private void glossary(Page p, ModuleView v, List<Block> group, Set<String> fallback, boolean notePerPart,
            String parentLang, StringBuilder out) {
        out.append("<div class=\"block glossary\">\n");
        // "Word to know" labels a lone term; a run of terms usually sits under its own heading already.
        if (group.size() == 1) {
            out.append("<p class=\"label\">").append(p.uiIn(parentLang, "block.glossary")).append("</p>\n");
        }
        out.append("<dl>\n");
        for (Block b : group) {
            String lang = partLang(v, fallback, b.id());
            out.append("<div").append(Html.attr("id", b.id())).append(p.partAttrs(lang, fallback.contains(b.id()), parentLang))
                    .append(">\n<dt>").append(Html.inline(b.term())).append("</dt>\n<dd>")
                    .append(Html.inline(b.text())).append("</dd>\n");
            if (notePerPart && fallback.contains(b.id())) {
                out.append(p.fallbackNote("dd", lang));
            }
            out.append("</div>\n");
        }
        out.append("</dl>\n</div>\n");
    }

    private static void items(List<String> items, StringBuilder out) {
        if (items.isEmpty()) {
            return;
        }
        out.append("<ul>\n");
        for (String item : items) {
            out.append("<li>").append(Html.inline(item)).append("</li>\n");
        }
        out.append("</ul>\n");
    }

    private static void about(Page p, ModuleDocument m, StringBuilder out) {
        Review r = m.review();
        out.append("<section class=\"about\" id=\"cl_about\">\n<h2>").append(p.ui("review.title")).append("</h2>\n");
        if (r != null && r.clinicallyReviewed() && present(r.reviewer()) && present(r.reviewedOn())) {
            out.append("<p class=\"review-status reviewed\">")
                    .append(p.ui("review.reviewed", Html.escape(r.reviewer()), p.date(r.reviewedOn()))).append("</p>\n");
        } else {
            // Anything short of a named, dated clinical sign-off is shown as not reviewed.
            out.append("<p class=\"review-status not-reviewed\"><strong>").append(p.ui("review.not-reviewed"))
                    .append("</strong></p>\n");
        }
        if (r != null && present(r.writtenOn())) {
            out.append("<p>").append(p.ui("review.written", p.date(r.writtenOn()))).append("</p>\n");
        }
        if (r != null && present(r.nextReviewDue())) {
            out.append("<p>").append(p.ui("review.next", p.date(r.nextReviewDue()))).append("</p>\n");
        }
        out.append("<p>").append(p.ui("review.version", Html.escape(m.version()))).append("</p>\n</section>\n");
    }

    private static void sources(Page p, ModuleView v, List<Source> sources, StringBuilder out) {
        if (sources.isEmpty()) {
            return;
        }
        // Sources are cited as published, in the module's source language.
        String lang = p.langAttrs(v.sourceLocale(), p.locale);
        out.append("<section class=\"sources\" id=\"cl_sources\">\n<h2>").append(p.ui("sources.title"))
                .append("</h2>\n<ol>\n");
        for (Source s : sources) {
            out.append("<li>");
            if (isWebLink(s.url())) {
                out.append("<a").append(Html.attr("href", s.url())).append(lang).append('>')
                        .append(Html.escape(s.title())).append("</a>");
            } else {
                out.append("<cite").append(lang).append('>').append(Html.escape(s.title())).append("</cite>");
            }
            if (present(s.publisher())) {
                out.append(", <span class=\"publisher\"").append(lang).append('>').append(Html.escape(s.publisher()))
                        .append("</span>");
            }
            if (present(s.accessed())) {
                out.append(" <span class=\"accessed\">(").append(p.ui("sources.accessed", p.date(s.accessed())))
                        .append(")</span>");
            }
            out.append("</li>\n");
        }
        out.append("</ol>\n</section>\n");
    }

    /** A page that says what went wrong, in the reader's language, with a way back to the topics. */
    String error(String locale, String messageKey) {
        Page p = new Page(locale);
        StringBuilder main = new StringBuilder();
        main.append("<h1>").append(p.ui(messageKey)).append("</h1>\n<p><a")
                .append(Html.attr("href", indexHref(locale))).append('>').append(p.ui("nav.back"))
                .append("</a></p>\n");
        return p.shell(p.text(messageKey) + " – " + p.text("site.title"), null, false, main);
    }

    private String moduleHref(String id, String locale) {
        return base + "/modules/" + id + "?lang=" + locale;
    }

    private String indexHref(String locale) {
        return base + "/?lang=" + locale;
    }

    private static String partLang(ModuleView v, Set<String> fallback, String partId) {
        return fallback.contains(partId) ? v.sourceLocale() : v.locale();
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static boolean isWebLink(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://")) && url.length() <= 2048;
    }

    static boolean isRightToLeft(String locale) {
        String primary = primary(locale);
        return RIGHT_TO_LEFT.contains(primary);
    }

    private static String primary(String locale) {
        int dash = locale.indexOf('-');
        return (dash < 0 ? locale : locale.substring(0, dash)).toLowerCase(Locale.ROOT);
    }

    /** A language's name in that language, as a reader looking for it would recognise it. */
    static String ownName(String locale) {
        String known = OWN_NAMES.get(locale);
        if (known != null) {
            return known;
        }
        Locale l = Locale.forLanguageTag(locale);
        String name = l.getDisplayName(l);
        if (name.isBlank()) {
            return locale;
        }
        return name.substring(0, 1).toUpperCase(l) + name.substring(1);
    }

    /** One page being written: its language, its strings, and the shell around its main content. */
    private final class Page {
        final String locale;
        final UiStrings ui;

        Page(String locale) {
            this.locale = locale;
            this.ui = UiStrings.of(locale, view.viewerText());
        }

        String text(String key) {
            return ui.text(key);
        }

        /** A UI string as HTML, marked as English where the reader's translation lacks it. */
        String ui(String key, String... htmlArgs) {
            return uiIn(locale, key, htmlArgs);
        }

        /** A UI string inside an element in {@code parentLang}, such as a label in a part shown in English. */
        String uiIn(String parentLang, String key, String... htmlArgs) {
            String html = ui.html(key, htmlArgs);
            String attrs = langAttrs(ui.lang(key), parentLang);
            return attrs.isEmpty() ? html : "<span" + attrs + ">" + html + "</span>";
        }

        /** The short note on a part shown in English, in the reader's language. */
        String fallbackNote(String element, String parentLang) {
            return "<" + element + " class=\"fallback-note\"" + langAttrs(locale, parentLang) + ">"
                    + ui("translation.fallback") + "</" + element + ">\n";
        }

        /**
         * {@code lang} and {@code dir} of a content part. A part shown in the source language always says so
         * on its own element, even where its section is in that language too, so each can be found alone.
         */
        String partAttrs(String lang, boolean isFallback, String parent) {
            return langAttrs(lang, isFallback ? locale : parent);
        }

        /** {@code lang} (and {@code dir} when the direction changes) for an element inside {@code parent}. */
        String langAttrs(String lang, String parent) {
            if (lang == null || lang.equals(parent)) {
                return "";
            }
            String attrs = Html.attr("lang", lang);
            boolean rtl = isRightToLeft(lang);
            if (rtl != isRightToLeft(parent)) {
                attrs += Html.attr("dir", rtl ? "rtl" : "ltr");
            }
            return attrs;
        }

        /** An ISO date in the reader's language, machine-readable in {@code time}; other text as it is. */
        String date(String iso) {
            try {
                LocalDate d = LocalDate.parse(iso);
                String shown = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                        .withLocale(Locale.forLanguageTag(locale)).format(d);
                return "<time" + Html.attr("datetime", d.toString()) + ">" + Html.escape(shown) + "</time>";
            } catch (DateTimeParseException notIso) {
                return Html.escape(iso);
            }
        }

        /**
         * The document around {@code main}.
         *
         * @param switcherPath the path, below the base, that the language switcher links to; null for none
         */
        String shell(String title, String switcherPath, boolean backLink, StringBuilder main) {
            StringBuilder h = new StringBuilder(main.length() + 2048);
            h.append("<!DOCTYPE html>\n<html").append(Html.attr("lang", locale))
                    .append(Html.attr("dir", isRightToLeft(locale) ? "rtl" : "ltr")).append(">\n<head>\n")
                    .append("<meta charset=\"utf-8\">\n")
                    .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                    .append("<title>").append(Html.escape(title)).append("</title>\n")
                    .append("<link rel=\"stylesheet\"").append(Html.attr("href", stylesheet)).append(">\n")
                    .append("</head>\n<body>\n")
                    .append("<a class=\"skip-link\" href=\"#").append(MAIN_ID).append("\">").append(ui("nav.skip"))
                    .append("</a>\n<header class=\"site-header\">\n<div class=\"wrap\">\n<p class=\"site-name\">");
            if ("/".equals(switcherPath)) {
                h.append(ui("site.title"));
            } else {
                h.append("<a").append(Html.attr("href", indexHref(locale))).append('>').append(ui("site.title"))
                        .append("</a>");
            }
            h.append("</p>\n");
            if (switcherPath != null) {
                switcher(switcherPath, h);
            }
            h.append("</div>\n");
            if (backLink) {
                h.append("<div class=\"wrap back\"><p><a").append(Html.attr("href", indexHref(locale))).append('>')
                        .append(ui("nav.back")).append("</a></p></div>\n");
            }
            h.append("</header>\n");
            h.append("<main id=\"").append(MAIN_ID).append("\" class=\"wrap\">\n").append(main).append("</main>\n")
                    .append("<footer class=\"site-footer\">\n<div class=\"wrap\">\n<p>").append(ui("disclaimer"))
                    .append("</p>\n</div>\n</footer>\n</body>\n</html>\n");
            return h.toString();
        }

        /** Links to this page in every served language, each named in its own language. */
        private void switcher(String path, StringBuilder h) {
            h.append("<nav class=\"languages\" aria-labelledby=\"cl_languages\">\n<p id=\"cl_languages\" ")
                    .append("class=\"languages-label\">").append(ui("nav.language")).append("</p>\n<ul>\n");
            for (String l : view.locales()) {
                h.append("<li><a").append(Html.attr("href", base + path + "?lang=" + l))
                        .append(Html.attr("lang", l)).append(Html.attr("hreflang", l));
                if (isRightToLeft(l) != isRightToLeft(locale)) {
                    h.append(Html.attr("dir", isRightToLeft(l) ? "rtl" : "ltr"));
                }
                if (l.equals(locale)) {
                    h.append(" aria-current=\"page\"");
                }
                h.append('>').append(Html.escape(ownName(l))).append("</a></li>\n");
            }
            h.append("</ul>\n</nav>\n");
        }
    }
}
