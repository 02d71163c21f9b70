package org.careleaf.catalog.internal;

import java.util.List;

import org.careleaf.catalog.internal.library.Library;

/**
 * What the catalog's components share inside this bundle: the library, and posting its changes. Not
 * exported; registered by {@code Catalog} for the extender and the enablement component.
 */
public interface CatalogCore {

    Library library();

    /** Posts the changes a library call returned, on EventAdmin (asynchronously). */
    void post(List<Library.Change> changes);

    /** Posts one event of this bundle's own (a refused document, an audit entry). */
    void post(String kind, java.util.Map<String, String> properties);
}
