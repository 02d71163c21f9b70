package org.careleaf.web.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.careleaf.model.Audience;
import org.careleaf.model.Category;
import org.careleaf.model.Code;
import org.careleaf.model.Completeness;
import org.careleaf.model.EducationCatalog;
import org.careleaf.model.ModuleDocument;
import org.careleaf.model.ModuleView;
import org.careleaf.model.Problem;
import org.careleaf.model.Readability;
import org.careleaf.model.Review;
import org.careleaf.model.ViewerText;

/**
 * An in-memory catalog of the nine mpc modules with their real ids, order, categories and (a subset of)
 * their real codes, in English with Spanish titles and summaries. Code look-up behaves like the real
 * catalog: OIDs, {@code urn:oid:} and FHIR URIs name the same systems; codes match ignoring case.
 */
final class ClinicalCodesTestCatalog implements EducationCatalog {

    static final String ICD10CM = "2.16.840.1.113883.6.90";
    static final String SNOMED = "2.16.840.1.113883.6.96";
    static final String ATC = "2.16.840.1.113883.6.73";
    static final String RXNORM = "2.16.840.1.113883.6.88";

    private static final Map<String, String> OID_BY_URI = Map.of(
            "http://hl7.org/fhir/sid/icd-10-cm", ICD10CM,
            "http://snomed.info/sct", SNOMED,
            "http://www.whocc.no/atc", ATC,
            "http://www.nlm.nih.gov/research/umls/rxnorm", RXNORM);

    private final List<ModuleDocument> documents = new ArrayList<>();
    private final Map<String, String[]> spanish;

    ClinicalCodesTestCatalog() {
        add("mpc-overview", 10, Category.OVERVIEW, "Metastatic prostate cancer: an overview",
                "What it is, where it spreads, and the signs that need help now.",
                icd("C61"), icd("C79.51"), icd("C79.52"), icd("C77.5"), sct("399068003"), sct("314994000"));
        add("mpc-outlook", 20, Category.OVERVIEW, "Outlook and survival",
                "What the numbers mean, and what they cannot tell you.", icd("C61"), sct("399068003"));
        add("mpc-hormone-therapy", 30, Category.TREATMENT, "Hormone therapy",
                "How ADT and newer hormone medicines work, and their side effects.",
                icd("C61"), icd("Z19.1"), icd("Z19.2"), sct("427492003"), atc("L02AE02"), atc("L02BB04"));
        add("mpc-chemotherapy", 40, Category.TREATMENT, "Chemotherapy",
                "Docetaxel and cabazitaxel: how they are given.", icd("C61"), icd("Z19.1"), icd("Z19.2"),
                atc("L01CD02"));
        add("mpc-radiation", 50, Category.TREATMENT, "Radiotherapy",
                "Radiotherapy to the prostate and to painful bones.", icd("C61"), icd("C79.51"), icd("Z19.2"),
                atc("V10XX03"));
        add("mpc-bone-health", 60, Category.SUPPORT, "Bone health",
                "Keeping bones strong, and **jaw** care.", icd("C61"), icd("C79.51"), atc("M05BA08"));
        add("mpc-targeted-immunotherapy", 70, Category.TREATMENT, "Targeted therapy and immunotherapy",
                "PARP inhibitors, sipuleucel-T and pembrolizumab.", icd("C61"), icd("Z19.2"), atc("L01XK01"),
                atc("L02BB04"));
        add("mpc-living-well", 80, Category.SUPPORT, "Living well", "Food, activity, fatigue and mood.",
                icd("C61"));
        add("mpc-clinical-trials", 90, Category.SUPPORT, "Clinical trials", "What trials are and how to join one.",
                icd("C61"));
        spanish = Map.of(
                "mpc-overview", new String[] {"Cáncer de próstata metastásico: visión general",
                    "Qué es, adónde se extiende y las señales que necesitan ayuda ya."},
                "mpc-hormone-therapy", new String[] {"Terapia hormonal",
                    "Cómo funcionan la TDA y los nuevos medicamentos hormonales."},
                "mpc-bone-health", new String[] {"Salud de los huesos", "Mantener los huesos fuertes."});
    }

    private void add(String id, int order, Category category, String title, String summary, Code... codes) {
        documents.add(new ModuleDocument(1, id, "1.0.0", "en", "mpc", title, summary, category, order,
                List.of(Audience.PATIENT), List.of(codes),
                new Review(Review.NOT_REVIEWED, "2026-11-" + (10 + order / 10), null, null, "2027-11-28", "test"),
                List.of(), List.of()));
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

    @Override
    public List<ModuleView> modules(String languages) {
        String locale = resolveLocale(languages);
        return documents.stream().sorted(Comparator.comparingInt(ModuleDocument::order))
                .map(d -> view(d, locale)).toList();
    }

    private ModuleView view(ModuleDocument d, String locale) {
        Readability none = new Readability(null, null, null, Map.of(), "test");
        if (locale.equals("es") && spanish.containsKey(d.id())) {
            String[] t = spanish.get(d.id());
            ModuleDocument es = new ModuleDocument(d.schemaVersion(), d.id(), d.version(), "es", d.pack(), t[0], t[1],
                    d.category(), d.order(), d.audience(), d.codes(), d.review(), d.sources(), d.sections());
            return new ModuleView(es, "es", "es", "en", "machine-assisted", List.of(), List.of(), none);
        }
        String status = locale.equals("en") ? ModuleView.SOURCE : ModuleView.MISSING;
        return new ModuleView(d, locale, "en", "en", status, List.of(), List.of(), none);
    }

    @Override
    public Optional<ModuleView> module(String id, String languages) {
        return modules(languages).stream().filter(v -> v.id().equals(id)).findFirst();
    }

    @Override
    public List<ModuleView> modulesForCode(String system, String code, String languages) {
        if (system == null || code == null) {
            return List.of();
        }
        String s = system.startsWith("urn:oid:") ? system.substring(8) : system;
        String oid = OID_BY_URI.getOrDefault(s, s);
        return modules(languages).stream().filter(v -> v.content().hasCode(oid, code.trim())).toList();
    }

    /** Like the real resolver: the first range whose tag or primary language is served, else English. */
    @Override
    public String resolveLocale(String languages) {
        if (languages == null || languages.isBlank()) {
            return "en";
        }
        try {
            for (Locale.LanguageRange r : Locale.LanguageRange.parse(languages)) {
                String primary = r.getRange().toLowerCase(Locale.ROOT).split("-")[0];
                if (locales().contains(primary)) {
                    return primary;
                }
            }
        } catch (IllegalArgumentException malformed) {
            return "en";
        }
        return "en";
    }

    @Override
    public List<String> locales() {
        return List.of("en", "es");
    }

    @Override
    public List<Completeness> completeness() {
        return List.of();
    }

    @Override
    public Optional<ViewerText> viewerText(String locale) {
        return Optional.empty();
    }

    @Override
    public List<Problem> problems() {
        return List.of();
    }

    @Override
    public long revision() {
        return 1;
    }
}
