package org.careleaf.web.internal.admin;

import java.util.List;

import org.careleaf.admin.Approval;
import org.careleaf.admin.PendingReview;
import org.careleaf.admin.ReviewDiff;

/**
 * The clinical review page as template {@code admin/review.ftlh} shows it.
 *
 * @param reviewer true when the user may approve (has the reviewer role); others only read
 * @param policy {@code off}, {@code show} or {@code require}
 * @param diff the changes of one module or translation, or null on the overview
 */
public record ReviewPage(String user, boolean reviewer, String reviewerRole, String csrf, String base, String stylesheet,
        String policy, List<PendingReview> pending, List<Approval> approvals, Diff diff) {

    /** A diff with what the approve form needs. */
    public record Diff(String module, String locale, boolean translation, String fromVersion, String toVersion,
            String hash, List<ReviewDiff.Part> parts) {
    }
}
