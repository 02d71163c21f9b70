package org.careleaf.model;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What a host asks Careleaf: the enabled modules, in order and in the reader's language.
 *
 * <p>{@code languages} everywhere takes an HTTP {@code Accept-Language} value ("es-MX,es;q=0.9,en;q=0.5")
 * or a single tag ("es"); null or blank means the configured default language. A module is served in the
 * best listed language it is translated into, else in its source language.
 */
@ProviderType
public interface EducationCatalog {

    /** EventAdmin topic prefix of catalog change events; topics end in the event kind. */
    String TOPIC_PREFIX = "org/careleaf/catalog/";

    /** Enabled modules, ordered by {@link ModuleDocument#order()} then id. */
    List<ModuleView> modules(String languages);

    /** One enabled module, or empty when it is unknown or disabled. */
    Optional<ModuleView> module(String id, String languages);

    /** Enabled modules that carry the given clinical code, in order. */
    List<ModuleView> modulesForCode(String system, String code, String languages);

    /**
     * Enabled modules that carry the given clinical code and answer the given subtopic (for example
     * MeSH {@code 2.16.840.1.113883.6.177} {@code Q000628} "therapy"), in order.
     */
    List<ModuleView> modulesForCode(String system, String code, Code subtopic, String languages);

    /** The language a reader with this preference is served: one of {@link #locales()}. */
    String resolveLocale(String languages);

    /** The languages modules can be served in: the source language first, then translations, sorted. */
    List<String> locales();

    /** Translation completeness for every enabled module and every translated language. */
    List<Completeness> completeness();

    /**
     * The viewer's strings translated into {@code locale} (exact tag), or empty when that language has
     * none; a host falls back to its own English strings key by key.
     */
    Optional<ViewerText> viewerText(String locale);

    /** What was refused or cannot be served as shipped, newest first. */
    List<Problem> problems();

    /** A number that changes whenever anything a host could see changes (for ETags and caches). */
    long revision();
}
