package org.careleaf.admin;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What clinicians did with Careleaf's CDS Hooks cards, as their EHRs reported it to the feedback
 * endpoint: counts per module, no patient data. Implemented by the CDS Hooks bundle when it is installed;
 * used by the shell ({@code careleaf:cds-feedback}) and the web admin.
 */
@ProviderType
public interface CdsFeedback {

    /** The modules that have had any feedback, by module id. */
    List<CardFeedback> perModule();

    /**
     * Feedback about cards Careleaf no longer remembers (shown before a restart, or too long ago to be
     * kept), counted but not attributed to a module.
     */
    long unattributed();
}
