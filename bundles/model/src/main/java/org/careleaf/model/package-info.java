/**
 * The Careleaf content model and the services a host uses to read it.
 *
 * <p>Records here are immutable values parsed from content and localisation bundles; the
 * {@link org.careleaf.model.EducationCatalog} service answers hosts. This is the only package
 * Careleaf exports; its version follows semantic versioning.
 */
@Export
@Version("1.0.0")
package org.careleaf.model;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
