package org.careleaf.admin;

/**
 * Content on offer that no approval covers.
 *
 * @param locale the module's source language, or a translation's language
 * @param translation true for a translation
 * @param version the version on offer (for a translation: the version it was made from)
 * @param contentHash what an approval of it must name
 * @param approvedVersion the version served meanwhile under the require policy, or null when none is approved
 * @param bundle the bundle that offers it
 */
public record PendingReview(String module, String locale, boolean translation, String version, String contentHash,
        String approvedVersion, String bundle) {
}
