package org.careleaf.web.internal;

import java.util.List;
import java.util.Optional;

import org.careleaf.model.Category;
import org.careleaf.model.ModuleView;

/**
 * What an Infobutton {@code subTopic} selects among the modules that match the main search criteria.
 * Infobutton clients send MeSH qualifiers (the HL7 KnowledgeSubTopic value set) or SNOMED CT concepts.
 * A subtopic maps to a module category, or to a pack's outlook module, which every pack names
 * {@code <pack>-outlook} (e.g. {@code mpc-outlook}), so that no pack's module ids are wired in here.
 */
final class InfobuttonSubTopics {

    static final String MESH = "2.16.840.1.113883.6.177";
    static final String SNOMED_CT = "2.16.840.1.113883.6.96";
    private static final String OUTLOOK_SUFFIX = "-outlook";

    /**
     * One row of the table.
     *
     * @param category the category selected, or null when {@code idSuffix} selects
     * @param idSuffix the end of the module ids selected, or null when {@code category} selects
     */
    record SubTopic(String system, String code, String display, Category category, String idSuffix) {

        boolean selects(ModuleView v) {
            return category != null ? v.content().category() == category : v.id().endsWith(idSuffix);
        }
    }

    static final List<SubTopic> TABLE = List.of(
            new SubTopic(MESH, "Q000628", "therapy", Category.TREATMENT, null),
            new SubTopic(MESH, "Q000188", "drug therapy", Category.TREATMENT, null),
            new SubTopic(MESH, "Q000627", "therapeutic use", Category.TREATMENT, null),
            new SubTopic(MESH, "Q000532", "radiotherapy", Category.TREATMENT, null),
            new SubTopic(MESH, "Q000601", "surgery", Category.TREATMENT, null),
            // side effects are explained in the treatment modules
            new SubTopic(MESH, "Q000009", "adverse effects", Category.TREATMENT, null),
            new SubTopic(MESH, "Q000175", "diagnosis", Category.OVERVIEW, null),
            // prognosis is a MeSH descriptor, not a qualifier; mortality is the nearest qualifier
            new SubTopic(MESH, "D011379", "prognosis", null, OUTLOOK_SUFFIX),
            new SubTopic(MESH, "Q000401", "mortality", null, OUTLOOK_SUFFIX),
            new SubTopic(SNOMED_CT, "277132007", "Therapeutic procedure", Category.TREATMENT, null),
            new SubTopic(SNOMED_CT, "416608005", "Drug therapy", Category.TREATMENT, null),
            new SubTopic(SNOMED_CT, "20481000", "Determination of prognosis", null, OUTLOOK_SUFFIX));

    private InfobuttonSubTopics() {
    }

    /**
     * The row for a code; without a code system the code alone decides (MeSH and SNOMED CT codes do not
     * look alike).
     */
    static Optional<SubTopic> find(String system, String code) {
        return TABLE.stream()
                .filter(t -> t.code().equalsIgnoreCase(code) && (system == null || t.system().equals(system)))
                .findFirst();
    }
}
