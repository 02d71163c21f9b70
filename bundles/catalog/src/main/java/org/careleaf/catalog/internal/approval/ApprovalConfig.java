package org.careleaf.catalog.internal.approval;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The site's approval policy, in {@code etc/org.careleaf.approvals.cfg}. */
@ObjectClassDefinition(name = "Careleaf approvals", description = "Whether the site's clinicians approve each "
        + "version before patients see it.")
public @interface ApprovalConfig {

    @AttributeDefinition(description = "off: approvals are not used; show: readers and hosts are told whether what "
            + "they see is approved; require: only approved versions are served")
    String policy() default "off";

    @AttributeDefinition(description = "How an approval names its reviewer to readers: name (the reviewer's user "
            + "name) or role (the text of roleLabel)")
    String shownAs() default "role";

    @AttributeDefinition(description = "What readers are told approved the content when shownAs is role")
    String roleLabel() default "A clinician of this hospital";
}
