package org.careleaf.model;

import org.osgi.annotation.versioning.ConsumerType;

/** The viewer's strings in one language, offered as an OSGi service on behalf of its localisation bundle. */
@ConsumerType
public interface ViewerTranslation {

    /** Service property: the language of the strings. */
    String LOCALE = "careleaf.locale";

    ViewerText text();
}
