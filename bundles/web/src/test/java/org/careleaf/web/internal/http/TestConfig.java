package org.careleaf.web.internal.http;

import java.lang.annotation.Annotation;

/** {@link WebConfig} as Config Admin would hand it over, for tests. */
public final class TestConfig {

    private TestConfig() {
    }

    public static WebConfig web(String contextPath, String frameAncestors, boolean admin) {
        return new WebConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return WebConfig.class;
            }

            @Override
            public String contextPath() {
                return contextPath;
            }

            @Override
            public String frameAncestors() {
                return frameAncestors;
            }

            @Override
            public boolean admin_enabled() {
                return admin;
            }

            @Override
            public int renderCache_megabytes() {
                return 4;
            }
        };
    }

    public static WebConfig defaults() {
        return web(CareleafContext.DEFAULT_PATH, SecurityHeaders.DEFAULT_FRAME_ANCESTORS, true);
    }

    /** What the context does for every request, configured by default, over this catalog (or none). */
    public static ContextGate gate(org.careleaf.model.EducationCatalog catalog) {
        ContextGate gate = new ContextGate();
        gate.configure(defaults());
        gate.catalog = catalog;
        return gate;
    }

    /** The filters every answer of the context passes, in their order: the context's gate. */
    public static javax.servlet.Filter[] contextFilters(org.careleaf.model.EducationCatalog catalog) {
        return new javax.servlet.Filter[] {gate(catalog)};
    }
}
