package org.careleaf.model;

/** The kinds of block a section holds. */
public enum BlockType {
    /** Running text. */
    PARAGRAPH,
    /** A bulleted list, with an optional lead-in text. */
    LIST,
    /** A boxed message; its {@link CalloutLevel} says how urgent. */
    CALLOUT,
    /** A question the reader can ask the care team. */
    QUESTION,
    /** A term and its plain definition (the definition is the block's text). */
    GLOSSARY,
    /** A picture: an SVG file shipped in the content bundle, with alt text and a caption (the block's text). */
    FIGURE
}
