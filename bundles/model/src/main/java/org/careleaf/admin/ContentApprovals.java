package org.careleaf.admin;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The site's clinical approval of content, version by version. Approvals are kept durably and audited;
 * an approval covers exactly the content whose hash it names. Who may approve is decided by the surfaces
 * (a JAAS role, {@code careleaf-reviewer} by default), not by this service.
 */
@ProviderType
public interface ContentApprovals {

    /** The site's policy (Config Admin PID {@code org.careleaf.approvals}). */
    ApprovalPolicy policy();

    /** What waits for review: every module version and translation on offer that no approval covers. */
    List<PendingReview> pending();

    /** The approvals in force, newest first. */
    List<Approval> approvals();

    /**
     * The changes between the approved content and the content waiting, for the module itself ({@code locale}
     * null or its source language) or one of its translations.
     *
     * @throws IllegalArgumentException when nothing of that module (or language) is on offer
     */
    ReviewDiff diff(String moduleId, String locale);

    /**
     * Approves the content on offer now for the module (or translation), which must have {@code contentHash},
     * so that what is approved is exactly what the reviewer saw.
     *
     * @throws IllegalArgumentException when nothing with that hash is on offer
     */
    Approval approve(String moduleId, String locale, String contentHash, String comment, Actor actor);

    /**
     * Withdraws the approval of that content; under the require policy it stops being served.
     *
     * @throws IllegalArgumentException when no approval of that content is in force
     */
    Approval withdraw(String moduleId, String locale, String contentHash, String comment, Actor actor);
}
