package org.careleaf.model;

import java.util.List;

/**
 * One education module as its content bundle ships it (schema version 1).
 *
 * @param schemaVersion version of this document format, currently 1
 * @param id stable module id, e.g. {@code mpc-overview}
 * @param version the content's own version (semantic, e.g. {@code 1.2.0}); higher wins an id clash
 * @param locale language of the text, a BCP 47 tag such as {@code en}
 * @param pack the content pack the module belongs to, e.g. {@code mpc}
 * @param category where the module sits in a list
 * @param order position within the pack, ascending
 * @param codes clinical codes (conditions, medicines) that select the module
 * @param subtopics what aspect of those conditions the module answers (e.g. MeSH qualifier Q000628
 *        "therapy", SNOMED CT 20481000 "determination of prognosis"), for HL7 Infobutton's
 *        {@code subTopic}; may be empty
 */
public record ModuleDocument(
        int schemaVersion,
        String id,
        String version,
        String locale,
        String pack,
        String title,
        String summary,
        Category category,
        int order,
        List<Audience> audience,
        List<Code> codes,
        List<Code> subtopics,
        Review review,
        List<Source> sources,
        List<Section> sections) {

    public static final int SCHEMA_VERSION = 1;

    public ModuleDocument {
        audience = List.copyOf(audience);
        codes = List.copyOf(codes);
        subtopics = subtopics == null ? List.of() : List.copyOf(subtopics);
        sources = List.copyOf(sources);
        sections = List.copyOf(sections);
    }

    /** True when this module carries the given code (system OID, code), ignoring code case. */
    public boolean hasCode(String system, String code) {
        return codes.stream().anyMatch(c -> c.matches(system, code));
    }

    /** True when this module answers the given subtopic (system OID, or null for any system; code). */
    public boolean hasSubtopic(String system, String code) {
        return subtopics.stream().anyMatch(c -> system == null ? c.code().equalsIgnoreCase(code) : c.matches(system, code));
    }
}
