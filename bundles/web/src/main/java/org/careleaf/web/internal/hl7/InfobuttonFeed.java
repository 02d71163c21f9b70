package org.careleaf.web.internal.hl7;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.careleaf.model.CatalogView;
import org.careleaf.model.Code;
import org.careleaf.model.CodeMatch;
import org.careleaf.model.CodeSystems;
import org.careleaf.model.ModuleView;
import org.careleaf.web.internal.api.ApiJson;
import org.careleaf.web.internal.http.WebJson;

/**
 * The knowledge response to an Infobutton request: an Atom 1.0 feed with one entry per matching module,
 * written in the Atom-in-JSON shape MedlinePlus Connect uses ({@code {"_value": …}}) here, or as Atom XML
 * by {@link AtomXml}.
 */
final class InfobuttonFeed {

    static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    /** Namespace of the few elements Atom has no place for: module id, translation status, notes. */
    static final String CARELEAF_NS = "urn:careleaf:infobutton:1";
    static final String TITLE = "Careleaf patient education";
    static final String AUTHOR = "Careleaf";
    private static final String EPOCH = "1970-01-01T00:00:00Z";

    /** One module in the feed. {@code locale} is the language the module's text is served in. */
    /** @param approval the site's approval of the version, when the site shows approvals; else null */
    record Entry(String id, String moduleId, String title, String summary, String viewerUrl, String apiUrl,
            String locale, String translationStatus, String updated, org.careleaf.model.ApprovalState approval) {
    }

    /**
     * The feed. {@code locale} is the language the request resolved to; {@code categories} echo the
     * request as Atom categories (scheme = parameter name, term = value).
     */
    record Feed(String id, String locale, String base, String subtitle, String updated, List<String[]> categories,
            List<String> notes, List<Entry> entries) {
    }

    private InfobuttonFeed() {
    }

    /**
     * Finds the modules for the request's codes and subtopics in {@code view} (the catalog's one rule,
     * {@link CatalogView#modulesFor}) and builds the feed; links are made absolute with {@code origin}
     * ({@code http://host:port}) and {@code base} (the context path).
     */
    static Feed build(InfobuttonRequest req, CatalogView view, String origin, String base) {
        String locale = view.locale();
        List<String> notes = new ArrayList<>();
        List<Code> codes = req.criteria().stream().map(c -> new Code(c.system(), c.code(), c.displayName())).toList();
        List<Code> subTopics = req.subTopics().stream().map(c -> new Code(c.system(), c.code(), c.displayName())).toList();
        CodeMatch match = view.modulesFor(codes, subTopics);
        for (Code c : match.unknownSystems()) {
            notes.add("Code system " + c.system() + " (sent with code " + c.code() + ") is not one Careleaf indexes: "
                    + String.join(", ", CodeSystems.names()) + ".");
        }
        for (Code s : match.ignoredSubtopics()) {
            notes.add("Subtopic " + s.code() + (s.system() == null ? "" : " (" + s.system() + ")")
                    + " is not one any Careleaf module answers, so it did not narrow the answer.");
        }
        String feedBase = origin + base + "/";
        List<Entry> entries = new ArrayList<>();
        for (ModuleView v : match.modules()) {
            String updated = dateTime(v.content().review() == null ? null : v.content().review().writtenOn())
                    .orElse(EPOCH);
            entries.add(new Entry(uuid("careleaf-module\n" + v.id() + "\n" + v.locale()), v.id(),
                    PlainText.of(v.content().title()), PlainText.of(v.content().summary()),
                    origin + ApiJson.viewerUrl(base, v.id(), v.requested()),
                    origin + base + "/api/modules/" + v.id() + "?lang=" + v.requested(), v.locale(),
                    WebJson.name(v.translationStatus()), updated, v.approval()));
        }
        String updated = entries.stream().map(Entry::updated).max(String::compareTo)
                .orElseGet(() -> latestWritten(view));
        return new Feed(uuid("careleaf-feed\n" + req.cacheKey() + "\n" + locale), locale, feedBase, subtitle(req),
                updated, categories(req), notes, entries);
    }

    private static String subtitle(InfobuttonRequest req) {
        return "Results for " + req.criteria().stream().map(c -> CodeSystems.name(c.system()).orElse(c.system()) + " "
                + c.code() + (c.displayName() == null ? "" : " (" + c.displayName() + ")"))
                .collect(Collectors.joining("; "));
    }

    private static List<String[]> categories(InfobuttonRequest req) {
        List<String[]> out = new ArrayList<>();
        for (InfobuttonRequest.Coded c : req.criteria()) {
            coded(out, c);
        }
        for (InfobuttonRequest.Coded c : req.subTopics()) {
            coded(out, c);
        }
        for (InfobuttonRequest.Coded c : req.taskContexts()) {
            coded(out, c);
        }
        out.add(new String[] {InfobuttonRequest.RECIPIENT, req.recipient()});
        if (req.language() != null) {
            out.add(new String[] {InfobuttonRequest.LANGUAGE, req.language()});
        }
        out.add(new String[] {InfobuttonRequest.RESPONSE_TYPE, req.responseType()});
        return out;
    }

    private static void coded(List<String[]> out, InfobuttonRequest.Coded c) {
        String suffix = c.parameter().substring(c.parameter().lastIndexOf(".c") + 2);
        String prefix = c.parameter().substring(0, c.parameter().lastIndexOf(".c"));
        out.add(new String[] {c.parameter(), c.code()});
        if (c.system() != null) {
            out.add(new String[] {prefix + ".cs" + suffix, c.system()});
        }
        if (c.displayName() != null) {
            out.add(new String[] {prefix + ".dn" + suffix, c.displayName()});
        }
    }

    private static String latestWritten(CatalogView view) {
        return view.modules().stream()
                .map(v -> dateTime(v.content().review() == null ? null : v.content().review().writtenOn()))
                .flatMap(Optional::stream).max(String::compareTo).orElse(EPOCH);
    }

    /** An ISO date as the RFC 3339 date-time Atom requires (midnight UTC); empty when not a date. */
    static Optional<String> dateTime(String isoDate) {
        if (isoDate == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(isoDate) + "T00:00:00Z");
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String uuid(String name) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    // ---- Atom in JSON, as MedlinePlus Connect writes it

    static String json(Feed f) {
        JsonObject feed = new JsonObject();
        feed.addProperty("base", f.base());
        feed.addProperty("lang", f.locale());
        feed.add("title", text(TITLE));
        feed.add("subtitle", text(f.subtitle()));
        feed.add("id", value(f.id()));
        feed.add("updated", value(f.updated()));
        JsonObject author = new JsonObject();
        author.add("name", value(AUTHOR));
        author.add("uri", value(f.base()));
        feed.add("author", author);
        JsonArray categories = new JsonArray();
        for (String[] c : f.categories()) {
            JsonObject o = new JsonObject();
            o.addProperty("scheme", c[0]);
            o.addProperty("term", c[1]);
            categories.add(o);
        }
        feed.add("category", categories);
        if (!f.notes().isEmpty()) {
            JsonArray notes = new JsonArray();
            f.notes().forEach(n -> notes.add(value(n)));
            feed.add("note", notes);
        }
        JsonArray entries = new JsonArray();
        for (Entry e : f.entries()) {
            JsonObject o = new JsonObject();
            o.addProperty("lang", e.locale());
            o.add("title", text(e.title()));
            JsonArray links = new JsonArray();
            links.add(link(e.viewerUrl(), "text/html", e.locale()));
            links.add(link(e.apiUrl(), "application/json", e.locale()));
            o.add("link", links);
            o.add("id", value(e.id()));
            o.add("summary", text(e.summary()));
            o.add("updated", value(e.updated()));
            o.addProperty("moduleId", e.moduleId());
            o.addProperty("translationStatus", e.translationStatus());
            if (e.approval() != null) {
                o.add("approval", WebJson.GSON.toJsonTree(e.approval()));
            }
            entries.add(o);
        }
        feed.add("entry", entries);
        JsonObject root = new JsonObject();
        root.add("feed", feed);
        return WebJson.GSON.toJson(root);
    }

    private static JsonObject value(String v) {
        JsonObject o = new JsonObject();
        o.addProperty("_value", v);
        return o;
    }

    private static JsonObject text(String v) {
        JsonObject o = value(v);
        o.addProperty("type", "text");
        return o;
    }

    private static JsonObject link(String href, String type, String hreflang) {
        JsonObject o = new JsonObject();
        o.addProperty("href", href);
        o.addProperty("rel", "alternate");
        o.addProperty("type", type);
        o.addProperty("hreflang", hreflang);
        return o;
    }
}
