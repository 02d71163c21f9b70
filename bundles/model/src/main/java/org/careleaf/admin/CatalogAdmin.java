package org.careleaf.admin;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** Administration of the catalog. Every change is written to the audit trail with who made it. */
@ProviderType
public interface CatalogAdmin {

    /** Every module the catalog knows, enabled or not, in display order. */
    List<ModuleStatus> modules();

    /**
     * Enables or disables a module for every surface, persisted in Config Admin
     * ({@code etc/org.careleaf.catalog.cfg}).
     *
     * @return the audit entry written, or null when the module was already in that state
     * @throws IllegalArgumentException when no module has this id
     */
    AuditEntry setEnabled(String moduleId, boolean enabled, Actor actor);

    /** The newest audit entries, newest first, at most {@code limit}. */
    List<AuditEntry> audit(int limit);

    /**
     * Checks a content or localisation bundle (a jar) or a single JSON document the way the catalog
     * would on install, without installing anything.
     *
     * @param name the file name, used in messages and to tell a jar from a JSON document
     */
    ValidationReport validate(String name, byte[] bytes);
}
