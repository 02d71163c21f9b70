package org.careleaf.web.internal.api;

import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.careleaf.model.ModulePage;
import org.careleaf.model.ModuleView;
import org.careleaf.web.internal.http.WebJson;

/** The JSON shapes of the REST API (see docs/api.md); links start with the request's context path. */
public final class ApiJson {

    private ApiJson() {
    }

    /** A module in full: its content, then what language was served and how honest that is. */
    static JsonObject module(ModuleView v, String base) {
        JsonObject o = WebJson.GSON.toJsonTree(v.content()).getAsJsonObject();
        String figures = base + "/figures/" + v.id() + "/";
        if (o.has("keyPoints")) {
            addFigureUrls(o.getAsJsonObject("keyPoints"), figures);
        }
        for (JsonElement s : o.getAsJsonArray("sections")) {
            addFigureUrls(s.getAsJsonObject(), figures);
        }
        o.addProperty("locale", v.locale());
        o.addProperty("requestedLocale", v.requested());
        o.addProperty("sourceLocale", v.sourceLocale());
        o.add("translation", translation(v));
        o.add("readability", WebJson.GSON.toJsonTree(v.readability()));
        o.addProperty("viewerUrl", viewerUrl(base, v.id(), v.requested()));
        if (v.approval() != null) {
            // the site's own sign-off, when it shows approvals: part of the module's provenance
            o.add("approval", WebJson.GSON.toJsonTree(v.approval()));
        }
        if (v.translationApproval() != null) {
            o.add("translationApproval", WebJson.GSON.toJsonTree(v.translationApproval()));
        }
        return o;
    }

    /** Each figure block gets the absolute path of its picture ({@code figureUrl}). */
    private static void addFigureUrls(JsonObject section, String figures) {
        JsonArray blocks = section.getAsJsonArray("blocks");
        if (blocks == null) {
            return;
        }
        for (JsonElement e : blocks) {
            JsonObject b = e.getAsJsonObject();
            if (b.has("src") && "figure".equals(b.has("type") ? b.get("type").getAsString() : null)) {
                b.addProperty("figureUrl", figures + b.get("src").getAsString());
            }
        }
    }

    static JsonObject translation(ModuleView v) {
        JsonObject t = new JsonObject();
        t.addProperty("status", WebJson.name(v.translationStatus()));
        t.add("fallback", WebJson.GSON.toJsonTree(v.fallbackIds()));
        t.add("stale", WebJson.GSON.toJsonTree(v.staleIds()));
        return t;
    }

    /** A module in a list: enough to show a link and a summary. */
    static JsonObject summary(ModuleView v, String base) {
        JsonObject o = new JsonObject();
        o.addProperty("id", v.id());
        o.addProperty("version", v.content().version());
        o.addProperty("pack", v.content().pack());
        o.addProperty("title", v.content().title());
        o.addProperty("summary", v.content().summary());
        o.addProperty("category", WebJson.name(v.content().category()));
        o.addProperty("order", v.content().order());
        o.addProperty("locale", v.locale());
        o.addProperty("translationStatus", WebJson.name(v.translationStatus()));
        o.addProperty("reviewStatus", WebJson.name(v.content().review().status()));
        o.addProperty("url", base + "/api/modules/" + v.id() + "?lang=" + v.requested());
        o.addProperty("viewerUrl", viewerUrl(base, v.id(), v.requested()));
        return o;
    }

    /** One page of a module list; {@code next} is left out on the last page. */
    static JsonObject list(String locale, ModulePage page, List<String> locales, String base) {
        JsonObject o = new JsonObject();
        o.addProperty("locale", locale);
        o.add("locales", WebJson.GSON.toJsonTree(locales));
        JsonArray modules = new JsonArray();
        page.modules().forEach(v -> modules.add(summary(v, base)));
        o.add("modules", modules);
        o.addProperty("total", page.total());
        if (page.next() != null) {
            o.addProperty("next", page.next());
        }
        return o;
    }

    public static String viewerUrl(String base, String id, String lang) {
        return base + "/modules/" + id + "?lang=" + lang;
    }
}
