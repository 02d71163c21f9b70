package org.careleaf.web.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** What administrators choose for the web surfaces, in {@code etc/org.careleaf.web.cfg}. */
@ObjectClassDefinition(name = "Careleaf web", description = "How the patient viewer may be embedded.")
public @interface WebConfig {

    /** The Config Admin PID. */
    String PID = "org.careleaf.web";

    @AttributeDefinition(name = "Frame ancestors", description = "Pages allowed to show the viewer in a frame, as a "
            + "Content-Security-Policy frame-ancestors source list: 'self', 'none' or space-separated origins such as "
            + "https://his.example.org. An invalid value falls back to 'self'.")
    String frameAncestors() default SecurityHeaders.DEFAULT_FRAME_ANCESTORS;
}
