package org.careleaf.model;

/** Where a module sits in a list of modules. */
public enum Category {
    OVERVIEW, TREATMENT, SUPPORT
}
