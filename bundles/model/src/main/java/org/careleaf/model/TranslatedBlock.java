package org.careleaf.model;

import java.util.List;

/**
 * The translated fields of one block, with the hash of the source block it was translated from.
 * Fields the source block lacks stay null; a figure's file is not translated, only its alt text and caption.
 */
public record TranslatedBlock(String source, String title, String text, String term, List<String> items, String alt) {

    public TranslatedBlock {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
