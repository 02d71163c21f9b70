package org.careleaf.model;

/**
 * A picture a module shows: the SVG text as its content bundle ships it, checked to hold no script and
 * no external reference.
 *
 * @param module the module id
 * @param src the file, relative to the content folder, as the figure block names it
 * @param svg the SVG document
 */
public record Figure(String module, String src, String svg) {
}
