package org.careleaf.admin;

/**
 * A site clinician's sign-off of exactly one version of a module, or of one translation of it.
 *
 * @param module the module id
 * @param locale the language approved: the module's source language, or the translation's
 * @param translation true for a translation's approval
 * @param version the module version (for a translation: the version it was made from)
 * @param contentHash the SHA-256 of exactly the content approved: any change to it is a new, unapproved version
 * @param reviewer the user who approved
 * @param at ISO-8601 instant
 * @param channel {@code web} or {@code shell}
 * @param from the client address or shell session
 * @param comment the reviewer's comment (may be empty)
 */
public record Approval(String module, String locale, boolean translation, String version, String contentHash,
        String reviewer, String at, String channel, String from, String comment) {
}
