package org.careleaf.model;

/** How urgent a callout is. */
public enum CalloutLevel {
    /** Get help now: call the care team or emergency services. */
    URGENT,
    /** Worth noticing and acting on soon. */
    IMPORTANT,
    /** Good to know. */
    INFO
}
