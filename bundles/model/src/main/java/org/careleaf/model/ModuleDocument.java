package org.careleaf.model;

import java.util.List;

/**
 * One education module as its content bundle ships it.
 *
 * @param schemaVersion version of the document format: {@value #SCHEMA_VERSION}, or 1 (no key points,
 *        no figures, no publication dates on sources), which the catalog still reads
 * @param id stable module id, e.g. {@code mpc-overview}
 * @param version the content's own version ({@code MAJOR.MINOR.PATCH}); higher wins an id clash
 * @param locale language of the text, a BCP 47 tag such as {@code en}
 * @param pack the content pack the module belongs to, e.g. {@code mpc}
 * @param category where the module sits in a list
 * @param order position within the pack, ascending
 * @param codes clinical codes (conditions, medicines) that select the module
 * @param subtopics what aspect of those conditions the module answers (e.g. MeSH qualifier Q000628
 *        "therapy"), for HL7 Infobutton's {@code subTopic}; may be empty
 * @param keyPoints the easy-to-read tier shown first: what it is, what to do, when to call; null only in
 *        schema version 1
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
        Section keyPoints,
        Review review,
        List<Source> sources,
        List<Section> sections) {

    public static final int SCHEMA_VERSION = 2;

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

    /** The key points (when present) and then the sections, in reading order. */
    public List<Section> parts() {
        if (keyPoints == null) {
            return sections;
        }
        List<Section> all = new java.util.ArrayList<>(sections.size() + 1);
        all.add(keyPoints);
        all.addAll(sections);
        return List.copyOf(all);
    }
}
