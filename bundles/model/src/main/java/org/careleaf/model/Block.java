package org.careleaf.model;

import java.util.List;

/**
 * One piece of content in a section. Text is plain text; {@code **bold**} is the only inline markup,
 * and hosts escape everything on output.
 *
 * @param id stable id, unique in the module
 * @param type what kind of block this is
 * @param level callouts only: how urgent
 * @param title callouts and figures: the heading of the box (optional)
 * @param text paragraph text, list lead-in, callout text, the question, a glossary definition, or a
 *        figure's caption
 * @param term glossary only: the term defined
 * @param items list and callout items (may be empty)
 * @param src figures only: the SVG file, relative to the content folder (e.g. {@code figures/spread.svg})
 * @param alt figures only: what the picture shows, for readers who cannot see it
 */
public record Block(String id, BlockType type, CalloutLevel level, String title, String text, String term,
        List<String> items, String src, String alt) {

    public Block {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
