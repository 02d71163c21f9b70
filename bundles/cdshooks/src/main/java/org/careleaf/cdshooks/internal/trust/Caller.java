package org.careleaf.cdshooks.internal.trust;

/**
 * Who made a call: the trusted issuer and the key it signed with, or {@link #UNSIGNED} in loopback
 * development mode.
 */
public record Caller(String issuer, String kid) {

    public static final Caller UNSIGNED = new Caller(null, null);

    public boolean signed() {
        return issuer != null;
    }
}
