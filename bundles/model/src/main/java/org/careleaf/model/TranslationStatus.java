package org.careleaf.model;

/**
 * How a text reaches the reader in the language they asked for (in JSON: {@code source},
 * {@code missing}, {@code machine-assisted}, {@code reviewed}). Translation documents and viewer strings
 * are {@code MACHINE_ASSISTED} until a qualified medical translator has reviewed them.
 */
public enum TranslationStatus {
    /** The reader asked for the language the text was written in. */
    SOURCE,
    /** No translation into the reader's language exists; the source text is served. */
    MISSING,
    /** Translated with machine help and not yet reviewed by a qualified medical translator. */
    MACHINE_ASSISTED,
    /** Reviewed by a qualified medical translator. */
    REVIEWED,
    /**
     * A translation exists, but the site requires its clinicians' approval and none covers it yet; the
     * approved source text is served.
     */
    AWAITING_APPROVAL
}
