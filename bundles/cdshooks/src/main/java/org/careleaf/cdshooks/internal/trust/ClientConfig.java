package org.careleaf.cdshooks.internal.trust;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One trusted CDS client (an EHR), as a factory configuration
 * {@code etc/org.careleaf.cdshooks.client-<name>.cfg}: its issuer and where its public keys are. Exactly one
 * of {@code jwks}, {@code jwksFile} and {@code jwksUrl} is set.
 */
@ObjectClassDefinition(name = "Careleaf trusted CDS client", description = "An EHR allowed to call Careleaf's"
        + " CDS Hooks services, with the JSON Web Key Set its tokens are verified against.")
public @interface ClientConfig {

    /** The Config Admin factory PID. */
    String FACTORY_PID = "org.careleaf.cdshooks.client";

    @AttributeDefinition(name = "Issuer", description = "The token's iss, exactly as the client sends it.")
    String issuer();

    @AttributeDefinition(name = "JWKS (inline)", description = "The client's public JSON Web Key Set as JSON.",
            required = false)
    String jwks() default "";

    @AttributeDefinition(name = "JWKS file", description = "A file holding the public JSON Web Key Set; read"
            + " again whenever it changes.", required = false)
    String jwksFile() default "";

    @AttributeDefinition(name = "JWKS URL", description = "Where the client publishes its JSON Web Key Set"
            + " (https only). A token's jku, when present, must equal it.", required = false)
    String jwksUrl() default "";

    @AttributeDefinition(name = "JWKS cache (s)", description = "How long a fetched key set is used before it is"
            + " fetched again, 60 to 86400.")
    int jwksCacheSeconds() default 3600;

    @AttributeDefinition(name = "Fetch timeout (ms)", description = "Connect and read timeout for the JWKS URL,"
            + " 100 to 10000.")
    int fetchTimeoutMillis() default 2000;
}
