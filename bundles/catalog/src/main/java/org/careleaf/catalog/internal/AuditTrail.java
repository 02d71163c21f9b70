package org.careleaf.catalog.internal;

import org.careleaf.admin.Actor;
import org.careleaf.admin.AuditEntry;

/** The one audit trail of this bundle's components (one writer, so entries never interleave). Not exported. */
public interface AuditTrail {

    /** Appends an entry, on disk before this returns. */
    AuditEntry record(Actor actor, String action, String target, String before, String after);
}
