package org.careleaf.model;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A translation of one module into one language, offered as an OSGi service. The catalog registers
 * one per document found in a localisation bundle, on that bundle's behalf.
 */
@ConsumerType
public interface ModuleTranslation {

    /** Service property: the id of the module translated. */
    String MODULE_ID = "careleaf.module.id";
    /** Service property: the language of the translation. */
    String LOCALE = "careleaf.locale";

    TranslationDocument document();
}
