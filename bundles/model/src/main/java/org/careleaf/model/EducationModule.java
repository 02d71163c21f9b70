package org.careleaf.model;

import java.util.Map;

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

    /** The module's content, in its source language. */
    ModuleDocument document();

    /** The SVG text of each figure the module's blocks name, by their {@code src}; empty when it has none. */
    default Map<String, String> figures() {
        return Map.of();
    }
}
