package org.careleaf.web.internal;

import java.util.ArrayList;
import java.util.Comparator;
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

/**
 * An {@link EducationCatalog} held in memory: views per language, built from records by the tests.
 * {@link #sample()} serves the viewer tests, {@link #clinicalCodes()} the code look-up tests. Look-up
 * behaves like the real catalog: modules in order, locales resolved like its resolver, OIDs,
 * {@code urn:oid:} and FHIR URIs name the same systems, and codes match ignoring case.
 */
final class InMemoryCatalog implements EducationCatalog {

    private static final String ICD10CM = "2.16.840.1.113883.6.90";
    private static final String SNOMED = "2.16.840.1.113883.6.96";
    private static final String ATC = "2.16.840.1.113883.6.73";
    private static final String RXNORM = "2.16.840.1.113883.6.88";

    private static final Map<String, String> OID_BY_URI = Map.of(
            "http://hl7.org/fhir/sid/icd-10-cm", ICD10CM,
            "http://snomed.info/sct", SNOMED,
            "http://www.whocc.no/atc", ATC,
            "http://www.nlm.nih.gov/research/umls/rxnorm", RXNORM);

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
        return views.getOrDefault(resolveLocale(languages), Map.of()).values().stream()
                .sorted(Comparator.comparingInt((ModuleView v) -> v.content().order()).thenComparing(ModuleView::id))
                .toList();
    }

    @Override
    public Optional<ModuleView> module(String id, String languages) {
        return Optional.ofNullable(views.getOrDefault(resolveLocale(languages), Map.of()).get(id));
    }

    @Override
    public List<ModuleView> modulesForCode(String system, String code, String languages) {
        if (system == null || code == null) {
            return List.of();
        }
        String s = system.startsWith("urn:oid:") ? system.substring("urn:oid:".length()) : system;
        String oid = OID_BY_URI.getOrDefault(s, s);
        return modules(languages).stream().filter(v -> v.content().hasCode(oid, code.trim())).toList();
    }

    @Override
    public List<ModuleView> modulesForCode(String system, String code, Code subtopic, String languages) {
        return modulesForCode(system, code, languages).stream()
                .filter(v -> subtopic == null || v.content().hasSubtopic(subtopic.system(), subtopic.code())).toList();
    }

    /** Like the real resolver: by quality, the first range served by exact tag or primary language; else English. */
    @Override
    public String resolveLocale(String languages) {
        if (languages == null || languages.isBlank()) {
            return "en";
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(languages);
        } catch (IllegalArgumentException malformed) {
            return "en";
        }
        for (Locale.LanguageRange r : ranges) {
            if (r.getWeight() <= 0) {
                continue;
            }
            String tag = r.getRange().toLowerCase(Locale.ROOT);
            String primary = tag.split("-")[0];
            for (String candidate : new String[] {tag, primary}) {
                if (locales.contains(candidate)) {
                    return candidate;
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
                List.of(Audience.PATIENT), List.of(new Code(ICD10CM, "C61", "Prostate")), List.of(),
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

    /**
     * The nine mpc modules with their real ids, order, categories and (a subset of) their real codes, in
     * English with Spanish titles and summaries for three of them.
     */
    static InMemoryCatalog clinicalCodes() {
        List<ModuleDocument> english = List.of(
                coded("mpc-overview", 10, Category.OVERVIEW, "Metastatic prostate cancer: an overview",
                        "What it is, where it spreads, and the signs that need help now.",
                        icd("C61"), icd("C79.51"), icd("C79.52"), icd("C77.5"), sct("399068003"), sct("314994000")),
                coded("mpc-outlook", 20, Category.OVERVIEW, "Outlook and survival",
                        "What the numbers mean, and what they cannot tell you.", icd("C61"), sct("399068003")),
                coded("mpc-hormone-therapy", 30, Category.TREATMENT, "Hormone therapy",
                        "How ADT and newer hormone medicines work, and their side effects.",
                        icd("C61"), icd("Z19.1"), icd("Z19.2"), sct("427492003"), atc("L02AE02"), atc("L02BB04")),
                coded("mpc-chemotherapy", 40, Category.TREATMENT, "Chemotherapy",
                        "Docetaxel and cabazitaxel: how they are given.", icd("C61"), icd("Z19.1"), icd("Z19.2"),
                        atc("L01CD02")),
                coded("mpc-radiation", 50, Category.TREATMENT, "Radiotherapy",
                        "Radiotherapy to the prostate and to painful bones.", icd("C61"), icd("C79.51"),
                        icd("Z19.2"), atc("V10XX03")),
                coded("mpc-bone-health", 60, Category.SUPPORT, "Bone health",
                        "Keeping bones strong, and **jaw** care.", icd("C61"), icd("C79.51"), atc("M05BA08")),
                coded("mpc-targeted-immunotherapy", 70, Category.TREATMENT, "Targeted therapy and immunotherapy",
                        "PARP inhibitors, sipuleucel-T and pembrolizumab.", icd("C61"), icd("Z19.2"),
                        atc("L01XK01"), atc("L02BB04")),
                coded("mpc-living-well", 80, Category.SUPPORT, "Living well", "Food, activity, fatigue and mood.",
                        icd("C61")),
                coded("mpc-clinical-trials", 90, Category.SUPPORT, "Clinical trials",
                        "What trials are and how to join one.", icd("C61")));
        Map<String, String[]> spanish = Map.of(
                "mpc-overview", new String[] {"Cáncer de próstata metastásico: visión general",
                    "Qué es, adónde se extiende y las señales que necesitan ayuda ya."},
                "mpc-hormone-therapy", new String[] {"Terapia hormonal",
                    "Cómo funcionan la TDA y los nuevos medicamentos hormonales."},
                "mpc-bone-health", new String[] {"Salud de los huesos", "Mantener los huesos fuertes."});
        InMemoryCatalog c = new InMemoryCatalog();
        english.forEach(d -> c.add(source(d)));
        for (ModuleDocument d : english) {
            String[] t = spanish.get(d.id());
            c.add(t == null ? missing(d, "es") : translated(d, "es", t[0], t[1]));
        }
        return c;
    }

    private static final String MESH = "2.16.840.1.113883.6.177";
    private static final List<Code> TREATMENT = List.of(new Code(MESH, "Q000628", "therapy"),
            new Code(MESH, "Q000188", "drug therapy"), new Code(SNOMED, "277132007", "Therapeutic procedure"));
    /** As the shipped content declares them. */
    private static final Map<String, List<Code>> SUBTOPICS = Map.of(
            "mpc-overview", List.of(new Code(MESH, "Q000175", "diagnosis")),
            "mpc-outlook", List.of(new Code(MESH, "D011379", "Prognosis"),
                    new Code(SNOMED, "20481000", "Determination of prognosis")),
            "mpc-hormone-therapy", TREATMENT,
            "mpc-chemotherapy", TREATMENT,
            "mpc-radiation", List.of(new Code(MESH, "Q000628", "therapy"), new Code(MESH, "Q000532", "radiotherapy")),
            "mpc-bone-health", List.of(new Code(MESH, "Q000628", "therapy"), new Code(MESH, "Q000188", "drug therapy")),
            "mpc-targeted-immunotherapy", TREATMENT);

    /** Review dates differ per module (2026-11-11 to 2026-11-19) so feeds have an "updated" to compare. */
    private static ModuleDocument coded(String id, int order, Category category, String title, String summary,
            Code... codes) {
        return new ModuleDocument(1, id, "1.0.0", "en", "mpc", title, summary, category, order,
                List.of(Audience.PATIENT), List.of(codes), SUBTOPICS.getOrDefault(id, List.of()),
                new Review(Review.NOT_REVIEWED, "2026-11-" + (10 + order / 10), null, null, "2027-11-28", "test"),
                List.of(), List.of());
    }

    /** A machine-assisted translation of the title and summary only. */
    private static ModuleView translated(ModuleDocument d, String locale, String title, String summary) {
        ModuleDocument t = new ModuleDocument(d.schemaVersion(), d.id(), d.version(), locale, d.pack(), title,
                summary, d.category(), d.order(), d.audience(), d.codes(), d.subtopics(), d.review(), d.sources(),
                d.sections());
        return new ModuleView(t, locale, locale, d.locale(), "machine-assisted", List.of(), List.of(),
                readability(t));
    }

    private static Code icd(String code) {
        return new Code(ICD10CM, code, code);
    }

    private static Code sct(String code) {
        return new Code(SNOMED, code, code);
    }

    private static Code atc(String code) {
        return new Code(ATC, code, code);
    }
}
