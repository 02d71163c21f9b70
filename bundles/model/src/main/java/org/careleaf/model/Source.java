package org.careleaf.model;

/**
 * A public source the module was written from.
 *
 * @param published the date the publisher gives for the page (published or last updated) as
 *        {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}; null when the publisher gives none
 * @param accessed the ISO date the writers read it
 */
public record Source(String title, String publisher, String url, String published, String accessed) {
}
