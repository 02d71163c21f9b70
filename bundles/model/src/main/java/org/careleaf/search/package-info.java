/**
 * Full-text search of what the catalog serves, in the reader's language, for host bundles. Implemented
 * by the {@code org.careleaf.search} bundle; absent when that bundle is not installed.
 */
@Export
@Version("1.0.0")
package org.careleaf.search;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
