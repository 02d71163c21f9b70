package org.careleaf.web.internal.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.careleaf.catalog.internal.library.TestCatalog;
import org.careleaf.model.Audience;
import org.careleaf.model.Block;
import org.careleaf.model.BlockType;
import org.careleaf.model.CalloutLevel;
import org.careleaf.model.Category;
import org.careleaf.model.Code;
import org.careleaf.model.CodeSystems;
import org.careleaf.model.ModuleDocument;
import org.careleaf.model.Review;
import org.careleaf.model.ReviewStatus;
import org.careleaf.model.Section;
import org.careleaf.model.Source;

/**
 * Test libraries for the web surfaces, served by the real catalog library ({@link TestCatalog}):
 * {@link #sample()} for the viewer tests, {@link #clinicalCodes()} for the code look-up tests,
 * {@link #illustrated()} for key points and figures.
 */
public final class Libraries {

    private static final String ICD10CM = CodeSystems.ICD10CM;
    private static final String SNOMED = CodeSystems.SNOMED_CT;
    private static final String ATC = CodeSystems.ATC;

    private Libraries() {
    }

    // Fixtures -----------------------------------------------------------------------------------------

    public static Block paragraph(String id, String text) {
        return new Block(id, BlockType.PARAGRAPH, null, null, text, null, null, null, null);
    }

    public static Block list(String id, String leadIn, String... items) {
        return new Block(id, BlockType.LIST, null, null, leadIn, null, List.of(items), null, null);
    }

    public static Block callout(String id, CalloutLevel level, String title, String text, String... items) {
        return new Block(id, BlockType.CALLOUT, level, title, text, null, List.of(items), null, null);
    }

    public static Block question(String id, String text) {
        return new Block(id, BlockType.QUESTION, null, null, text, null, null, null, null);
    }

    public static Block glossary(String id, String term, String definition) {
        return new Block(id, BlockType.GLOSSARY, null, null, definition, term, null, null, null);
    }

    public static ModuleDocument document(String id, String locale, String title, String summary, Category category,
            int order, List<Section> sections) {
        return new ModuleDocument(1, id, "1.2.0", locale, "mpc", title, summary, category, order,
                List.of(Audience.PATIENT), List.of(new Code(ICD10CM, "C61", "Prostate")), List.of(), null,
                new Review(ReviewStatus.NOT_CLINICALLY_REVIEWED, "2026-11-28", null, null, "2027-05-28",
                        "Written from sources."),
                List.of(new Source("Advanced prostate cancer", "Prostate Cancer UK",
                        "https://prostatecanceruk.org/advanced", null, "2026-11-20")),
                sections);
    }

    /** A module with every kind of block, in English. */
    public static ModuleDocument overviewEnglish() {
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

    /** Arabic for the overview's parts: the real catalog decides what is served. */
    private static final Map<String, String> ARABIC = Map.ofEntries(
            Map.entry("What it is", "ما هو"), Map.entry("How it **spreads** & why.", "كيف **ينتشر**."),
            Map.entry("The basics", "الأساسيات"), Map.entry("It spreads to:", "ينتشر إلى:"),
            Map.entry("**Bones.** Most often.", "**العظام.**"), Map.entry("Lymph nodes.", "العقد اللمفاوية."),
            Map.entry("Call now if", "اتصل الآن إذا"), Map.entry("You have any of these:", "لديك:"),
            Map.entry("Back pain", "ألم الظهر"), Map.entry("Weak legs", "ضعف الساقين"),
            Map.entry("Where has the cancer spread?", "أين انتشر السرطان؟"), Map.entry("PSA", "PSA"),
            Map.entry("A protein made by the prostate.", "بروتين."), Map.entry("You may have scans.", "قد تخضع لفحوصات."),
            Map.entry("Bring a list of medicines.", "أحضر قائمة بأدويتك."));

    /** English, Arabic (partly translated) and German (not translated) views of two modules. */
    public static TestCatalog sample() {
        ModuleDocument overview = overviewEnglish();
        ModuleDocument living = document("mpc-living-well", "en", "Living well", "Food and rest.", Category.SUPPORT,
                80, List.of(new Section("food", "Food", List.of(paragraph("food-p1", "Eat well.")))));
        ModuleDocument chemo = document("mpc-chemotherapy", "en", "Chemotherapy", "Docetaxel.", Category.TREATMENT,
                40, List.of(new Section("what", "What", List.of(paragraph("what-p1", "Drugs.")))));
        // Arabic: the section title "tests" and the block "basics-g2" untranslated, "basics-p1" made from older text
        TestCatalog c = new TestCatalog().module(overview).module(chemo).module(living)
                .translation(TestCatalog.translate(overview, "ar", t -> ARABIC.getOrDefault(t, t),
                        Set.of("tests", "basics-g2"), Set.of("basics-p1")));
        Map<String, String> arabic = new LinkedHashMap<>();
        UiStrings.english().keySet().forEach(k -> arabic.put(k, "ع " + k));
        arabic.put("callout.urgent", "اطلب المساعدة الآن");
        arabic.put("translation.fallback", "معروض باللغة الإنجليزية");
        arabic.remove("block.question");
        // German viewer strings make German a language on offer, with no module translated
        c.viewerText("ar", arabic).viewerText("de", Map.of("site.title", "Patienteninformation"));
        return c.translation(TestCatalog.translate(living, "de", t -> t, Set.of("$title", "$summary", "food", "food-p1"),
                Set.of()));
    }

    /**
     * The nine mpc modules with their real ids, order, categories and (a subset of) their real codes, in
     * English with Spanish titles and summaries for three of them.
     */
    public static TestCatalog clinicalCodes() {
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
        TestCatalog c = new TestCatalog();
        english.forEach(c::module);
        for (ModuleDocument d : english) {
            String[] t = spanish.get(d.id());
            if (t != null) {
                c.translation(TestCatalog.translate(d, "es", x -> x.equals(d.title()) ? t[0] : x.equals(d.summary()) ? t[1] : x,
                        Set.of(), Set.of()));
            }
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
                List.of(Audience.PATIENT), List.of(codes), SUBTOPICS.getOrDefault(id, List.of()), null,
                new Review(ReviewStatus.NOT_CLINICALLY_REVIEWED, "2026-11-" + (10 + order / 10), null, null, "2027-11-28",
                        "test"),
                List.of(), List.of());
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

    public static Block figure(String id, String src, String alt, String caption) {
        return new Block(id, BlockType.FIGURE, null, null, caption, null, null, src, alt);
    }

    /** The SVG of {@link #illustrated()}'s figure. */
    public static final String BODY_SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">"
            + "<circle cx=\"5\" cy=\"5\" r=\"4\"/></svg>";

    /**
     * A schema 2 module with key points and a figure, in English, and a Spanish translation of every part
     * but the figure's caption.
     */
    public static TestCatalog illustrated() {
        Section keyPoints = new Section("key-points", "Key points", List.of(
                list("key-points-l1", "In short:", "It can spread to **bones**.", "Call your team if pain is new.")));
        ModuleDocument d = new ModuleDocument(2, "mpc-spread", "1.0.0", "en", "mpc", "Where it spreads",
                "Bones and lymph nodes.", Category.OVERVIEW, 10, List.of(Audience.PATIENT),
                List.of(new Code(ICD10CM, "C61", "Prostate")), List.of(), keyPoints,
                new Review(ReviewStatus.NOT_CLINICALLY_REVIEWED, "2026-11-28", null, null, "2027-05-28", "Written."),
                List.of(), List.of(new Section("where", "Where", List.of(
                        paragraph("where-p1", "Most often to the bones."),
                        figure("where-f1", "figures/body.svg", "A body with the spine marked", "Where it **often** spreads.")))));
        TestCatalog c = new TestCatalog().module(d, Map.of("figures/body.svg", BODY_SVG));
        Map<String, String> es = Map.of("Key points", "Puntos clave", "In short:", "En resumen:",
                "It can spread to **bones**.", "Puede extenderse a los **huesos**.", "Call your team if pain is new.",
                "Llame a su equipo si el dolor es nuevo.", "Where it spreads", "Dónde se extiende",
                "Bones and lymph nodes.", "Huesos y ganglios.", "Where", "Dónde", "Most often to the bones.",
                "Sobre todo a los huesos.", "A body with the spine marked", "Un cuerpo con la columna marcada");
        return c.translation(TestCatalog.translate(d, "es", t -> es.getOrDefault(t, t), Set.of("where-f1"), Set.of()));
    }
}
