package org.careleaf.cdshooks.internal.trust;

/** Too many unexpired tokens to remember: refusing a call is safer than forgetting a token. */
public final class ReplayCacheFull extends Exception {

    private static final long serialVersionUID = 1L;

    ReplayCacheFull() {
        super("the replay cache is full", null, false, false);
    }
}
