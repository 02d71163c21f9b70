package org.careleaf.fhir.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.careleaf.model.CatalogView;
import org.careleaf.model.EducationCatalog;

/**
 * The catalog at ONE revision, seen in as many languages as a request needs. The catalog hands out one
 * {@link CatalogView} per language; a FHIR search spans languages, so every view taken here must share
 * the first one's revision. When the library changed in between, {@link Changed} is thrown and the servlet
 * answers the request again from the start.
 */
final class Views {

    /** The library changed while a request read it. */
    static final class Changed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Changed() {
            super(null, null, false, false);
        }
    }

    private final EducationCatalog catalog;
    private final CatalogView base;
    private final Map<String, CatalogView> byPreference = new HashMap<>();

    Views(EducationCatalog catalog) {
        this.catalog = catalog;
        this.base = catalog.view(null);
    }

    /** The view in the default language. */
    CatalogView base() {
        return base;
    }

    /** The languages served, the source language first. */
    List<String> locales() {
        return base.locales();
    }

    /** The view for a language preference (a served locale, or any tag the catalog resolves). */
    CatalogView in(String preference) {
        CatalogView v = byPreference.get(preference);
        if (v == null) {
            v = catalog.view(preference);
            if (v.revision() != base.revision()) {
                throw new Changed();
            }
            byPreference.put(preference, v);
        }
        return v;
    }

    /** The locale the catalog serves a reader who asks for this language. */
    String resolve(String preference) {
        return in(preference).locale();
    }
}
