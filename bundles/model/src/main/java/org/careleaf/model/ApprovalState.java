package org.careleaf.model;

/**
 * Whether the site's clinicians approved what is served: a module version, or a translation of it.
 *
 * @param approved true when an approval covers exactly the content served
 * @param by who approved, as the site chooses to show it (a display name or a role); null when not approved
 * @param on ISO date of the approval; null when not approved
 * @param version the module version the approval covers; null when not approved
 * @param locale the language approved: the source language for a module, the translation's for a translation
 */
public record ApprovalState(boolean approved, String by, String on, String version, String locale) {

    /** Nothing approved. */
    public static ApprovalState none(String locale) {
        return new ApprovalState(false, null, null, null, locale);
    }
}
