/**
 * The Careleaf content model and the services a host uses to read it.
 *
 * <p>Records here are immutable values parsed from content and localisation bundles; the
 * {@link org.careleaf.model.EducationCatalog} service answers hosts with one consistent
 * {@link org.careleaf.model.CatalogView} per request. The package follows semantic versioning, checked
 * by the build against the last release. Records grow compatibly: a new component is added last, the
 * previous canonical constructor stays as a constructor that fills it with null or an empty list, and
 * the package's minor version rises; removing or reordering components is a major change.
 */
@Export
@Version("2.0.0")
package org.careleaf.model;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
