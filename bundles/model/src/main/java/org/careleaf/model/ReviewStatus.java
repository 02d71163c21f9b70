package org.careleaf.model;

/** Whether a named clinician has signed the content off (in JSON: {@code not-clinically-reviewed} …). */
public enum ReviewStatus {
    NOT_CLINICALLY_REVIEWED,
    CLINICALLY_REVIEWED
}
