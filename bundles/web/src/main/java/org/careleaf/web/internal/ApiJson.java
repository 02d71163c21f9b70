package org.careleaf.web.internal;

import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.careleaf.model.ModuleView;

/** The JSON shapes of the REST API (see docs/api.md). */
final class ApiJson {

    static final String BASE = "/careleaf";

    private ApiJson() {
    }

    /** A module in full: its content, then what language was served and how honest that is. */
    static JsonObject module(ModuleView v) {
        JsonObject o = WebJson.GSON.toJsonTree(v.content()).getAsJsonObject();
        o.addProperty("locale", v.locale());
        o.addProperty("requestedLocale", v.requested());
        o.addProperty("sourceLocale", v.sourceLocale());
        o.add("translation", translation(v));
        o.add("readability", WebJson.GSON.toJsonTree(v.readability()));
        o.addProperty("viewerUrl", viewerUrl(v.id(), v.requested()));
        return o;
    }

    static JsonObject translation(ModuleView v) {
        JsonObject t = new JsonObject();
        t.addProperty("status", WebJson.name(v.translationStatus()));
        t.add("fallback", WebJson.GSON.toJsonTree(v.fallbackIds()));
        t.add("stale", WebJson.GSON.toJsonTree(v.staleIds()));
        return t;
    }

    /** A module in a list: enough to show a link and a summary. */
    static JsonObject summary(ModuleView v) {
        JsonObject o = new JsonObject();
        o.addProperty("id", v.id());
        o.addProperty("version", v.content().version());
        o.addProperty("title", v.content().title());
        o.addProperty("summary", v.content().summary());
        o.addProperty("category", WebJson.name(v.content().category()));
        o.addProperty("order", v.content().order());
        o.addProperty("locale", v.locale());
        o.addProperty("translationStatus", WebJson.name(v.translationStatus()));
        o.addProperty("reviewStatus", WebJson.name(v.content().review().status()));
        o.addProperty("url", BASE + "/api/modules/" + v.id() + "?lang=" + v.requested());
        o.addProperty("viewerUrl", viewerUrl(v.id(), v.requested()));
        return o;
    }

    static JsonObject list(String locale, List<ModuleView> views, List<String> locales) {
        JsonObject o = new JsonObject();
        o.addProperty("locale", locale);
        o.add("locales", WebJson.GSON.toJsonTree(locales));
        JsonArray modules = new JsonArray();
        views.forEach(v -> modules.add(summary(v)));
        o.add("modules", modules);
        return o;
    }

    static String viewerUrl(String id, String lang) {
        return BASE + "/modules/" + id + "?lang=" + lang;
    }
}
