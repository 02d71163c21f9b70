package org.careleaf.model;

/**
 * Whether the catalog has taken in everything Karaf is installing at start: the boot features and
 * what its deploy folder held. Until then every content surface answers 503 with this reason, so no
 * host ever caches a partial library. Once ready, a node stays ready: content installed later into a
 * running node arrives module by module.
 *
 * @param ready true once start-up content is in
 * @param loaded content and localisation bundles taken in so far
 * @param expected content and localisation bundles known to be on their way at start
 * @param reason what is still awaited, in plain words; null when ready
 */
public record Readiness(boolean ready, int loaded, int expected, String reason) {
}
