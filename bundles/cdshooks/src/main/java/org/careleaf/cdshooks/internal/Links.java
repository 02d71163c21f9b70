package org.careleaf.cdshooks.internal;

/**
 * Careleaf's absolute URLs as a CDS client sees them, from one base: the configured public base URL, or
 * the origin the request came in on plus the servlet context path (the context is mounted by the host,
 * at {@code /careleaf} by default). Cards carry these links, and a token's {@code aud} must name one.
 */
record Links(String base) {

    static final String CDS_SERVICES = "/cds-services";

    String discovery() {
        return base + CDS_SERVICES;
    }

    String service(Hook hook) {
        return discovery() + "/" + hook.serviceId();
    }

    String feedback(Hook hook) {
        return service(hook) + "/feedback";
    }

    /** The patient viewer page of a module; {@code lang} makes the viewer's own text follow. */
    String viewer(String moduleId, String lang) {
        return base + "/modules/" + moduleId + "?lang=" + lang;
    }

    /** The list of modules, the card's source. */
    String library(String lang) {
        return base + "/?lang=" + lang;
    }
}
