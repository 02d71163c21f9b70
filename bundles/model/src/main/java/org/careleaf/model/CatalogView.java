package org.careleaf.model;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The enabled library at one revision, for one reader language. Immutable: every answer a request
 * builds from one view is consistent with every other.
 */
@ProviderType
public interface CatalogView {

    /** A number that changes whenever anything a host could see changes (for ETags and caches). */
    long revision();

    /** Whether the library is complete yet; surfaces answer 503 until it is. */
    Readiness readiness();

    /** The language this view serves: the reader's preference resolved to one of {@link #locales()}. */
    String locale();

    /** The languages modules can be served in: the source language first, then translations, sorted. */
    List<String> locales();

    /** The language served to a reader who asks for none Careleaf has. */
    String defaultLocale();

    /**
     * The viewer's strings in {@link #locale()}, or empty when that language has none; a host falls back
     * to its own English strings key by key.
     */
    Optional<ViewerText> viewerText();

    /** How many modules are enabled. */
    int size();

    /** One page of the enabled modules that match the query, in order. */
    ModulePage modules(ModuleQuery query);

    /** Every enabled module, ordered by {@link ModuleDocument#order()} then id. */
    List<ModuleView> modules();

    /** One enabled module, or empty when it is unknown or disabled. */
    Optional<ModuleView> module(String id);

    /**
     * The enabled modules that carry any of the codes, in order, narrowed to those that answer any of the
     * subtopics. This is the one rule every surface uses (Infobutton, CDS Hooks, REST): a code system
     * Careleaf does not know, and a subtopic no enabled module answers, are reported and not applied.
     *
     * @param codes code system (HL7 OID, {@code urn:oid:} or FHIR URI) and code; display is ignored
     * @param subtopics may be empty; a null system matches the code in any system
     */
    CodeMatch modulesFor(List<Code> codes, List<Code> subtopics);

    /** The packs of the enabled modules, in the order of their first module. */
    List<PackSummary> packs();

    /** A picture an enabled module shows, by the {@code src} its figure block names. */
    Optional<Figure> figure(String moduleId, String src);

    /** Every language served, with how much of the enabled library is translated into it. */
    List<LanguageSummary> languages();

    /** Translation completeness of every enabled module in this view's language; empty for the source language. */
    List<Completeness> completeness();

    /** What was refused or cannot be served as shipped, newest first. */
    List<Problem> problems();
}
