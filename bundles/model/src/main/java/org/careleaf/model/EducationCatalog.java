package org.careleaf.model;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What a host asks Careleaf: one consistent view of the enabled library for a reader's language.
 *
 * <p>{@code languages} takes an HTTP {@code Accept-Language} value ("es-MX,es;q=0.9,en;q=0.5") or a single
 * tag ("es"); null or blank means the configured default language. Everything read from one
 * {@link CatalogView} belongs to one revision of the catalog, so a request that reads the module list,
 * a module and the viewer strings never mixes two versions of the library.
 *
 * <p>Changes are posted on EventAdmin under {@link #TOPIC_PREFIX}: {@code MODULE_ADDED},
 * {@code MODULE_CHANGED} (its content, a translation of it or its approval changed),
 * {@code MODULE_REMOVED}, {@code MODULE_REFUSED}, {@code MODULE_HELD} (a new version waits for approval),
 * {@code CONFIGURATION_CHANGED}, {@code READY} and {@code AUDIT}, with the properties {@code module},
 * {@code version} and {@code revision} where they apply.
 */
@ProviderType
public interface EducationCatalog {

    /** EventAdmin topic prefix of catalog change events; topics end in the event kind. */
    String TOPIC_PREFIX = "org/careleaf/catalog/";

    /** The library as it is now, for a reader with this language preference. */
    CatalogView view(String languages);
}
