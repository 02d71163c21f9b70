package org.careleaf.model;

/**
 * Honest review metadata as the content's writers ship it. Unreviewed content says so: {@code reviewer}
 * and {@code reviewedOn} stay null until a named clinician has signed the content off. A hospital's own
 * sign-off of a version is an {@link ApprovalState}, kept by the catalog, not part of the content.
 *
 * @param writtenOn ISO date the text was written or last changed
 * @param reviewedOn ISO date of the clinical review, or null
 * @param reviewer name and role of the clinical reviewer, or null
 * @param nextReviewDue ISO date by which the content must be reviewed again
 * @param note one plain sentence on how the content was made and checked
 */
public record Review(ReviewStatus status, String writtenOn, String reviewedOn, String reviewer,
        String nextReviewDue, String note) {

    public boolean clinicallyReviewed() {
        return status == ReviewStatus.CLINICALLY_REVIEWED;
    }
}
