package org.careleaf.model;

import java.util.Map;

/**
 * A translation of one module. Each entry carries the hash of the source text it was made from, so
 * the catalog can tell exactly which parts went stale when the source changed. The key points are a
 * section like any other: their title is under {@code sections}, their blocks under {@code blocks}.
 *
 * @param module id of the module translated
 * @param locale language of this translation
 * @param translatedFrom the source module version the translator worked from
 * @param status {@link TranslationStatus#MACHINE_ASSISTED} until a qualified medical translator has
 *        reviewed it, then {@link TranslationStatus#REVIEWED}
 * @param note one plain sentence about how the translation was made, in the target language
 * @param sections translated section titles by section id
 * @param blocks translated blocks by block id
 */
public record TranslationDocument(
        int schemaVersion,
        String module,
        String locale,
        String translatedFrom,
        TranslationStatus status,
        String note,
        TranslatedText title,
        TranslatedText summary,
        Map<String, TranslatedText> sections,
        Map<String, TranslatedBlock> blocks) {

    public static final int SCHEMA_VERSION = 1;

    public TranslationDocument {
        sections = Map.copyOf(sections);
        blocks = Map.copyOf(blocks);
    }
}
