package org.careleaf.cdshooks.internal.trust;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** How CDS clients must prove who they are, in {@code etc/org.careleaf.cdshooks.cfg}. */
@ObjectClassDefinition(name = "Careleaf CDS Hooks", description = "Trust rules for CDS Hooks calls; the trusted"
        + " clients themselves are factory configurations " + ClientConfig.FACTORY_PID + "~<name>.")
public @interface TrustConfig {

    /** The Config Admin PID. */
    String PID = "org.careleaf.cdshooks";

    @AttributeDefinition(name = "Require signed requests", description = "Every call needs a JWT signed by a"
            + " trusted client. Only when false AND allowUnsignedOnLoopback is true AND HTTP listens on loopback"
            + " alone are calls without a token accepted (local development). A token that is present but bad is"
            + " refused always.")
    boolean requireSignedRequests() default true;

    @AttributeDefinition(name = "Allow unsigned calls on loopback", description = "The development switch; it"
            + " takes effect only while org.ops4j.pax.web listens on 127.0.0.1, ::1 or localhost alone.")
    boolean allowUnsignedOnLoopback() default false;

    @AttributeDefinition(name = "Public base URL", description = "Careleaf's URL as CDS clients call it, e.g."
            + " https://careleaf.hospital.org/careleaf: the token's aud must be this plus /cds-services/<id>, and"
            + " card links use it. Empty: taken from each request (scheme, Host and context path), which is right"
            + " only without a reverse proxy that rewrites them.")
    String serviceBaseUrl() default "";

    @AttributeDefinition(name = "Clock skew (s)", description = "Tolerance for exp, iat and nbf, 0 to 300.")
    int clockSkewSeconds() default 60;

    @AttributeDefinition(name = "Maximum token age (s)", description = "A token issued longer ago than this is"
            + " refused, whatever its exp says; this also bounds how long a jti is remembered. 10 to 3600.")
    int maxTokenAgeSeconds() default 300;

    @AttributeDefinition(name = "Replay cache size", description = "How many recent (issuer, jti) pairs are"
            + " remembered; when it is full of unexpired entries, calls are answered 503 rather than risk a replay.")
    int replayCacheSize() default 100_000;
}
