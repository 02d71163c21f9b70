package org.careleaf.fhir.internal;

import java.nio.charset.StandardCharsets;

import org.hl7.fhir.instance.model.api.IBaseResource;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.FhirVersionEnum;

/** HAPI FHIR's R4 JSON writer. The context is costly to make and thread-safe, so it is made once. */
final class FhirJson {

    private static volatile FhirContext context;

    private FhirJson() {
    }

    static FhirContext context() {
        FhirContext c = context;
        if (c == null) {
            synchronized (FhirJson.class) {
                c = context;
                if (c == null) {
                    // HAPI finds its R4 model classes by name; in OSGi this bundle's loader sees them
                    Thread t = Thread.currentThread();
                    ClassLoader previous = t.getContextClassLoader();
                    t.setContextClassLoader(FhirJson.class.getClassLoader());
                    try {
                        c = new FhirContext(FhirVersionEnum.R4);
                    } finally {
                        t.setContextClassLoader(previous);
                    }
                    context = c;
                }
            }
        }
        return c;
    }

    /**
     * The resource as JSON, with {@code <} and {@code >} written as JSON escapes: an error's diagnostics may
     * repeat what the client sent, and no answer should carry the client's markup as such. In JSON these two
     * characters occur only inside strings, where the escape means the same character.
     */
    static byte[] encode(IBaseResource resource, boolean pretty) {
        return context().newJsonParser().setPrettyPrint(pretty).encodeResourceToString(resource)
                .replace("<", "\\u003c").replace(">", "\\u003e").getBytes(StandardCharsets.UTF_8);
    }
}
