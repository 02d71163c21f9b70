package org.careleaf.model;

/** Who a module is written for. */
public enum Audience {
    PATIENT, CAREGIVER, CLINICIAN
}
