/**
 * What administrators use: module states, enabling and disabling modules, the audit trail and checking
 * a content bundle before it is installed. Implemented by the catalog; used by the shell commands and
 * the web admin. Versioned separately from the host API in {@code org.careleaf.model}, and grown the
 * same way.
 */
@Export
@Version("2.0.0")
package org.careleaf.admin;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
