package org.careleaf.cdshooks.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/** The discovery document: the three services, one per hook, with what each needs. */
final class Discovery {

    static final String USAGE = "Sign every call with a JWT (ES256, ES384 or RS384; aud = the endpoint called)"
            + " using a key the hospital's Careleaf administrator has registered for your issuer.";

    private Discovery() {
    }

    static JsonObject document() {
        JsonArray services = new JsonArray();
        for (Hook h : Hook.values()) {
            JsonObject service = new JsonObject();
            service.addProperty("hook", h.hook());
            service.addProperty("id", h.serviceId());
            service.addProperty("title", h.title());
            service.addProperty("description", h.description());
            JsonObject prefetch = new JsonObject();
            h.prefetch().forEach(prefetch::addProperty);
            service.add("prefetch", prefetch);
            service.addProperty("usageRequirements", USAGE);
            services.add(service);
        }
        JsonObject o = new JsonObject();
        o.add("services", services);
        return o;
    }
}
