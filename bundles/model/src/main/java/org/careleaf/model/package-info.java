/**
 * The Careleaf content model and the services a host uses to read it.
 *
 * <p>The records here are immutable values: the documents content and localisation bundles ship
 * ({@link org.careleaf.model.ModuleDocument}, {@link org.careleaf.model.TranslationDocument},
 * {@link org.careleaf.model.ViewerText} and their parts) and the answers of the
 * {@link org.careleaf.model.EducationCatalog} service, which answers hosts with one consistent
 * {@link org.careleaf.model.CatalogView} per request. {@link org.careleaf.model.CodeSystems} and
 * {@link org.careleaf.model.Identifiers} hold, once for every bundle, the code systems Careleaf knows and
 * the forms of ids, codes and language tags.
 *
 * <p>The package follows semantic versioning, checked by the build against the last release
 * ({@code bnd-baseline-maven-plugin}). Records grow compatibly: a new component is added last, the
 * previous canonical constructor stays as a constructor that fills it with null or an empty list, and the
 * package's minor version rises. Removing a component, changing its type or reordering components is a
 * major change; the baseline catches the first two (a constructor or accessor disappears), but not a
 * reordering of components of the same type, which review must.
 */
@Export
@Version("2.0.0")
package org.careleaf.model;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
