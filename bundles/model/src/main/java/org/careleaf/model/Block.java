package org.careleaf.model;

import java.util.List;

/**
 * One piece of content in a section. Text is plain text; {@code **bold**} is the only inline markup,
 * and hosts escape everything on output.
 *
 * @param id stable id, unique in the module
 * @param type what kind of block this is
 * @param level callouts only: how urgent
 * @param title callouts only: the heading of the box (optional)
 * @param text paragraph text, list lead-in, callout text, the question, or a glossary definition
 * @param term glossary only: the term defined
 * @param items list and callout items (may be empty)
 */
public record Block(String id, BlockType type, CalloutLevel level, String title, String text,
        String term, List<String> items) {

    public Block {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
