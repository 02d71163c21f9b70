package org.careleaf.model;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One education module offered as an OSGi service. Careleaf's catalog registers one per module found
 * in a content bundle, on that bundle's behalf; a host bundle may register its own.
 */
@ConsumerType
public interface EducationModule {

    /** Service property: the module id. */
    String MODULE_ID = "careleaf.module.id";
    /** Service property: the module's content version. */
    String MODULE_VERSION = "careleaf.module.version";
    /** Service property: true when this is a kept last-good version standing in for refused content. */
    String LAST_GOOD = "careleaf.module.lastgood";

    /** The module's content, in its source language. */
    ModuleDocument document();
}
