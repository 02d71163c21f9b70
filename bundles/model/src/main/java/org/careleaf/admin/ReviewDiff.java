package org.careleaf.admin;

import java.util.List;

/**
 * What changed between the approved version of a module (or translation) and the one waiting for review.
 *
 * @param fromVersion the approved version compared against, or null when nothing was approved yet
 * @param toVersion the version waiting
 * @param parts the parts that were added, removed or changed, in reading order; unchanged parts are left out
 */
public record ReviewDiff(String module, String locale, String fromVersion, String toVersion, List<Part> parts) {

    public ReviewDiff {
        parts = List.copyOf(parts);
    }

    /**
     * One changed part: {@code $title}, {@code $summary}, a section id (its title) or a block id.
     *
     * @param change {@code added}, {@code removed} or {@code changed}
     * @param before the approved text (null when added), as plain text
     * @param after the text waiting for review (null when removed)
     */
    public record Part(String id, String change, String before, String after) {
    }
}
