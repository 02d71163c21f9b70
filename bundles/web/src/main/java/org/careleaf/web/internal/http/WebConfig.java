package org.careleaf.web.internal.http;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** What administrators choose for the web surfaces, in {@code etc/org.careleaf.web.cfg}. */
@ObjectClassDefinition(name = "Careleaf web", description = "Where Careleaf is mounted, how the viewer may be "
        + "embedded, whether the web admin is on, and how much memory rendered answers may keep.")
public @interface WebConfig {

    /** The Config Admin PID. */
    String PID = "org.careleaf.web";

    @AttributeDefinition(name = "Context path", description = "Where every Careleaf surface is mounted, e.g. "
            + "/careleaf (the default) or /his/education; '/' for the server's root. An invalid value falls back "
            + "to /careleaf.")
    String contextPath() default CareleafContext.DEFAULT_PATH;

    @AttributeDefinition(name = "Frame ancestors", description = "Pages allowed to show the viewer in a frame, as a "
            + "Content-Security-Policy frame-ancestors source list: 'self', 'none' or space-separated origins such as "
            + "https://his.example.org. An invalid value falls back to 'self'.")
    String frameAncestors() default SecurityHeaders.DEFAULT_FRAME_ANCESTORS;

    @AttributeDefinition(name = "Web admin", description = "Whether the web admin is served at {context}/admin. "
            + "Off, its paths are 404 and only the shell administers Careleaf.")
    boolean admin_enabled() default true;

    @AttributeDefinition(name = "Render cache (MiB)", description = "Memory kept for rendered answers, in MiB.")
    int renderCache_megabytes() default RenderCache.DEFAULT_MEGABYTES;
}
