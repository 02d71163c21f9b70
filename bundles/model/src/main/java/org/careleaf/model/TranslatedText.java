package org.careleaf.model;

/** A translated string and the hash of the source text it was translated from. */
public record TranslatedText(String source, String text) {
}
