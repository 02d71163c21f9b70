package org.careleaf.model;

/**
 * Honest review metadata. Unreviewed content says so: {@code reviewer} and {@code reviewedOn} stay
 * null until a named clinician has signed the content off.
 *
 * @param status {@code not-clinically-reviewed} or {@code clinically-reviewed}
 * @param writtenOn ISO date the text was written or last changed
 * @param reviewedOn ISO date of the clinical review, or null
 * @param reviewer name and role of the clinical reviewer, or null
 * @param nextReviewDue ISO date by which the content must be reviewed again
 * @param note one plain sentence on how the content was made and checked
 */
public record Review(String status, String writtenOn, String reviewedOn, String reviewer,
        String nextReviewDue, String note) {

    public static final String NOT_REVIEWED = "not-clinically-reviewed";
    public static final String REVIEWED = "clinically-reviewed";

    public boolean clinicallyReviewed() {
        return REVIEWED.equals(status);
    }
}
