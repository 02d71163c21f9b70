package org.careleaf.web.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.careleaf.model.Audience;
import org.careleaf.model.Block;
import org.careleaf.model.BlockType;
import org.careleaf.model.CalloutLevel;
import org.careleaf.model.Category;
import org.careleaf.model.Code;
import org.careleaf.model.Completeness;
import org.careleaf.model.EducationCatalog;
import org.careleaf.model.ModuleDocument;
import org.careleaf.model.ModuleView;
import org.careleaf.model.Problem;
import org.careleaf.model.Readability;
import org.careleaf.model.Review;
import org.careleaf.model.Section;
import org.careleaf.model.Source;
import org.careleaf.model.ViewerText;

/** An {@link EducationCatalog} held in memory: views per language, built from records by the tests. */
final class InMemoryCatalog implements EducationCatalog {

    private final Map<String, Map<String, ModuleView>> views = new LinkedHashMap<>();
    private final Map<String, ViewerText> viewerTexts = new LinkedHashMap<>();
    private final List<String> locales = new ArrayList<>(List.of("en"));
    long revision = 1;

    InMemoryCatalog add(ModuleView view) {
        views.computeIfAbsent(view.requested(), l -> new LinkedHashMap<>()).put(view.id(), view);
        if (!locales.contains(view.requested())) {
            locales.add(view.requested());
        }
        return this;
    }

    InMemoryCatalog viewerText(String locale, Map<String, String> strings) {
        viewerTexts.put(locale, new ViewerText(1, locale, "machine-assisted", "test", strings));
        if (!locales.contains(locale)) {
            locales.add(locale);
        }
        return this;
    }

    @Override
    public List<ModuleView> modules(String languages) {
        return List.copyOf(views.getOrDefault(resolveLocale(languages), Map.of()).values());
    }

    @Override
    public Optional<ModuleView> module(String id, String languages) {
        return Optional.ofNullable(views.getOrDefault(resolveLocale(languages), Map.of()).get(id));
    }

    @Override
    public List<ModuleView> modulesForCode(String system, String code, String languages) {
        return modules(languages).stream().filter(v -> v.content().hasCode(system, code)).toList();
    }

    /** The first listed language served, by exact tag or primary language; else English. */
    @Override
    public String resolveLocale(String languages) {
        if (languages == null || languages.isBlank()) {
            return "en";
        }
        for (String range : languages.split(",")) {
            String tag = range.split(";")[0].trim().toLowerCase(Locale.ROOT);
            String primary = tag.contains("-") ? tag.substring(0, tag.indexOf('-')) : tag;
            for (String l : locales) {
                if (l.equals(tag) || l.equals(primary)) {
                    return l;
                }
            }
        }
        return "en";
    }

    @Override
    public List<String> locales() {
        return List.copyOf(locales);
    }

    @Override
    public List<Completeness> completeness() {
        return List.of();
    }

    @Override
    public Optional<ViewerText> viewerText(String locale) {
        return Optional.ofNullable(viewerTexts.get(locale));
    }

    @Override
    public List<Problem> problems() {
        return List.of();
    }

    @Override
    public long revision() {
        return revision;
    }

    // Fixtures -----------------------------------------------------------------------------------------

    static Block paragraph(String id, String text) {
        return new Block(id, BlockType.PARAGRAPH, null, null, text, null, null);
    }

    static Block list(String id, String leadIn, String... items) {
        return new Block(id, BlockType.LIST, null, null, leadIn, null, List.of(items));
    }

    static Block callout(String id, CalloutLevel level, String title, String text, String... items) {
        return new Block(id, BlockType.CALLOUT, level, title, text, null, List.of(items));
    }

    static Block question(String id, String text) {
        return new Block(id, BlockType.QUESTION, null, null, text, null, null);
    }

    static Block glossary(String id, String term, String definition) {
        return new Block(id, BlockType.GLOSSARY, null, null, definition, term, null);
    }

    static ModuleDocument document(String id, String locale, String title, String summary, Category category,
            int order, List<Section> sections) {
        return new ModuleDocument(1, id, "1.2.0", locale, "mpc", title, summary, category, order,
                List.of(Audience.PATIENT), List.of(new Code("2.16.840.1.113883.6.90", "C61", "Prostate")),
                new Review(Review.NOT_REVIEWED, "2026-11-28", null, null, "2027-05-28", "Written from sources."),
                List.of(new Source("Advanced prostate cancer", "Prostate Cancer UK",
                        "https://prostatecanceruk.org/advanced", "2026-11-20")),
                sections);
    }

    /** A module with every kind of block, in English. */
    static ModuleDocument overviewEnglish() {
        return document("mpc-overview", "en", "What it is", "How it **spreads** & why.", Category.OVERVIEW, 10,
                List.of(new Section("basics", "The basics", List.of(
                        paragraph("basics-p1", "It is **still** prostate cancer."),
                        list("basics-l1", "It spreads to:", "**Bones.** Most often.", "Lymph nodes."),
                        callout("basics-c1", CalloutLevel.URGENT, "Call now if", "You have any of these:",
                                "Back pain", "Weak legs"),
                        question("basics-q1", "Where has the cancer spread?"),
                        glossary("basics-g1", "PSA", "A protein made by the prostate."),
                        glossary("basics-g2", "ADT", "Hormone therapy."))),
                        new Section("tests", "Tests", List.of(
                                paragraph("tests-p1", "You may have scans."),
                                callout("tests-c1", CalloutLevel.INFO, null, "Bring a list of medicines.")))));
    }

    /** The overview in Arabic with the section "tests" and the block "basics-p1" left in English. */
    static ModuleView overviewArabic() {
        ModuleDocument en = overviewEnglish();
        ModuleDocument ar = document("mpc-overview", "ar", "ما هو", "كيف **ينتشر**.", Category.OVERVIEW, 10,
                List.of(new Section("basics", "الأساسيات", List.of(
                        paragraph("basics-p1", "It is **still** prostate cancer."),
                        list("basics-l1", "ينتشر إلى:", "**العظام.**", "العقد اللمفاوية."),
                        callout("basics-c1", CalloutLevel.URGENT, "اتصل الآن إذا", "لديك:", "ألم الظهر", "ضعف الساقين"),
                        question("basics-q1", "أين انتشر السرطان؟"),
                        glossary("basics-g1", "PSA", "بروتين."),
                        glossary("basics-g2", "ADT", "Hormone therapy."))),
                        new Section("tests", "Tests", List.of(
                                paragraph("tests-p1", "قد تخضع لفحوصات."),
                                callout("tests-c1", CalloutLevel.INFO, null, "أحضر قائمة بأدويتك.")))));
        return new ModuleView(ar, "ar", "ar", "en", "machine-assisted", List.of("tests", "basics-p1", "basics-g2"),
                List.of("basics-p1"), readability(en));
    }

    static ModuleView source(ModuleDocument d) {
        return new ModuleView(d, d.locale(), d.locale(), d.locale(), ModuleView.SOURCE, List.of(), List.of(),
                readability(d));
    }

    /** A module with no translation into {@code locale}: everything in English, every part a fallback. */
    static ModuleView missing(ModuleDocument d, String locale) {
        List<String> all = new ArrayList<>(List.of(ModuleView.TITLE_ID, ModuleView.SUMMARY_ID));
        d.sections().forEach(s -> {
            all.add(s.id());
            s.blocks().forEach(b -> all.add(b.id()));
        });
        return new ModuleView(d, locale, d.locale(), d.locale(), ModuleView.MISSING, all, List.of(), readability(d));
    }

    private static Readability readability(ModuleDocument d) {
        return new Readability(null, null, null, Map.of(), "not measured in tests");
    }

    /** English, Arabic (partly translated) and German (not translated) views of two modules. */
    static InMemoryCatalog sample() {
        ModuleDocument overview = overviewEnglish();
        ModuleDocument living = document("mpc-living-well", "en", "Living well", "Food and rest.", Category.SUPPORT,
                80, List.of(new Section("food", "Food", List.of(paragraph("food-p1", "Eat well.")))));
        ModuleDocument chemo = document("mpc-chemotherapy", "en", "Chemotherapy", "Docetaxel.", Category.TREATMENT,
                40, List.of(new Section("what", "What", List.of(paragraph("what-p1", "Drugs.")))));
        InMemoryCatalog c = new InMemoryCatalog()
                .add(source(overview)).add(source(chemo)).add(source(living))
                .add(overviewArabic()).add(missing(chemo, "ar")).add(missing(living, "ar"))
                .add(missing(overview, "de")).add(missing(chemo, "de")).add(missing(living, "de"));
        Map<String, String> arabic = new LinkedHashMap<>();
        UiStrings.english().keySet().forEach(k -> arabic.put(k, "ع " + k));
        arabic.put("callout.urgent", "اطلب المساعدة الآن");
        arabic.put("translation.fallback", "معروض باللغة الإنجليزية");
        arabic.remove("block.question");
        return c.viewerText("ar", arabic).viewerText("de", Map.of("site.title", "Patienteninformation"));
    }
}
