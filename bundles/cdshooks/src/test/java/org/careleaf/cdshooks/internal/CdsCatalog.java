package org.careleaf.cdshooks.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.careleaf.catalog.internal.library.TestCatalog;
import org.careleaf.model.Audience;
import org.careleaf.model.Category;
import org.careleaf.model.Code;
import org.careleaf.model.CodeSystems;
import org.careleaf.model.ModuleDocument;
import org.careleaf.model.Review;
import org.careleaf.model.ReviewStatus;

/**
 * The nine mpc modules with their real ids, order and categories, served by the real catalog library
 * ({@link TestCatalog}), carrying condition codes and the ATC and RxNorm ingredient codes of the medicines
 * they name (a subset; the shipped content's own codes are checked by its authors against the code sets).
 * English, with Spanish titles and summaries for three modules.
 */
final class CdsCatalog {

    static final String RXNORM_URI = "http://www.nlm.nih.gov/research/umls/rxnorm";
    static final String ATC_URI = "http://www.whocc.no/atc";
    static final String ICD10CM_URI = "http://hl7.org/fhir/sid/icd-10-cm";
    static final String SNOMED_URI = "http://snomed.info/sct";

    // RxNorm ingredient codes (RXCUI) of the medicines the fixtures name
    static final String DOCETAXEL = "72962";
    static final String CABAZITAXEL = "996051";
    static final String ENZALUTAMIDE = "1307298";
    static final String ABIRATERONE = "1100072";
    static final String LEUPROLIDE = "42375";
    static final String DENOSUMAB = "993449";
    static final String ZOLEDRONIC_ACID = "77655";
    static final String OLAPARIB = "1597582";
    /** Radiopharmaceuticals are outside RxNorm's scope; radium-223 is ordered by ATC here. */
    static final String RADIUM_223_ATC = "V10XX03";

    private CdsCatalog() {
    }

    static TestCatalog library() {
        List<ModuleDocument> english = List.of(
                coded("mpc-overview", 10, Category.OVERVIEW, "Metastatic prostate cancer: an overview",
                        "What it is, where it spreads, and the signs that need help now.",
                        icd("C61"), icd("C79.51"), icd("C79.52"), icd("C77.5"), sct("399068003"), sct("314994000")),
                coded("mpc-outlook", 20, Category.OVERVIEW, "Outlook and survival",
                        "What the numbers mean, and what they cannot tell you.", icd("C61"), sct("399068003")),
                coded("mpc-hormone-therapy", 30, Category.TREATMENT, "Hormone therapy",
                        "How ADT and newer hormone medicines work, and their side effects.",
                        icd("C61"), icd("Z19.1"), icd("Z19.2"), sct("427492003"), atc("L02AE02"), atc("L02BB04"),
                        atc("L02BX03"), rx(LEUPROLIDE), rx(ENZALUTAMIDE), rx(ABIRATERONE)),
                coded("mpc-chemotherapy", 40, Category.TREATMENT, "Chemotherapy",
                        "Docetaxel and cabazitaxel: how they are given.", icd("C61"), icd("Z19.1"), icd("Z19.2"),
                        atc("L01CD02"), atc("L01CD04"), rx(DOCETAXEL), rx(CABAZITAXEL)),
                coded("mpc-radiation", 50, Category.TREATMENT, "Radiotherapy",
                        "Radiotherapy to the prostate and to painful bones.", icd("C61"), icd("C79.51"),
                        icd("Z19.2"), atc(RADIUM_223_ATC), atc("V10XX05")),
                coded("mpc-bone-health", 60, Category.SUPPORT, "Bone health",
                        "Keeping bones strong, and **jaw** care.", icd("C61"), icd("C79.51"), atc("M05BA08"),
                        atc("M05BX04"), rx(ZOLEDRONIC_ACID), rx(DENOSUMAB)),
                coded("mpc-targeted-immunotherapy", 70, Category.TREATMENT, "Targeted therapy and immunotherapy",
                        "PARP inhibitors, sipuleucel-T and pembrolizumab.", icd("C61"), icd("Z19.2"),
                        atc("L01XK01"), atc("L02BB04"), rx(OLAPARIB), rx(ENZALUTAMIDE)),
                coded("mpc-living-well", 80, Category.SUPPORT, "Living well", "Food, activity, fatigue and mood.",
                        icd("C61")),
                coded("mpc-clinical-trials", 90, Category.SUPPORT, "Clinical trials",
                        "What trials are and how to join one.", icd("C61")));
        Map<String, String[]> spanish = Map.of(
                "mpc-overview", new String[] {"Cáncer de próstata metastásico: visión general",
                    "Qué es, adónde se extiende y las señales que necesitan ayuda ya."},
                "mpc-hormone-therapy", new String[] {"Terapia hormonal",
                    "Cómo funcionan la TDA y los nuevos medicamentos hormonales."},
                "mpc-chemotherapy", new String[] {"Quimioterapia", "Docetaxel y cabazitaxel: cómo se administran."});
        TestCatalog c = new TestCatalog();
        english.forEach(c::module);
        for (ModuleDocument d : english) {
            String[] t = spanish.get(d.id());
            if (t != null) {
                c.translation(TestCatalog.translate(d, "es",
                        x -> x.equals(d.title()) ? t[0] : x.equals(d.summary()) ? t[1] : x, Set.of(), Set.of()));
            }
        }
        return c;
    }

    private static ModuleDocument coded(String id, int order, Category category, String title, String summary,
            Code... codes) {
        return new ModuleDocument(1, id, "1.0.0", "en", "mpc", title, summary, category, order,
                List.of(Audience.PATIENT), List.of(codes), List.of(), null,
                new Review(ReviewStatus.NOT_CLINICALLY_REVIEWED, "2026-11-20", null, null, "2027-11-28", "test"),
                List.of(), List.of());
    }

    private static Code icd(String code) {
        return new Code(CodeSystems.ICD10CM, code, code);
    }

    private static Code sct(String code) {
        return new Code(CodeSystems.SNOMED_CT, code, code);
    }

    private static Code atc(String code) {
        return new Code(CodeSystems.ATC, code, code);
    }

    private static Code rx(String code) {
        return new Code(CodeSystems.RXNORM, code, code);
    }
}
