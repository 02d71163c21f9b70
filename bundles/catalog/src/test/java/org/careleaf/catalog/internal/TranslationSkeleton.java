package org.careleaf.catalog.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.careleaf.model.Block;
import org.careleaf.model.ModuleDocument;
import org.careleaf.model.Section;
import org.careleaf.model.TranslatedBlock;
import org.careleaf.model.TranslatedText;
import org.careleaf.model.TranslationDocument;

/**
 * A translator's starting point: writes the translation document of one module into one language with
 * every part in place and its source hash current. Parts that an existing translation has current are
 * kept; every other part holds the English text behind {@value #MARK}, which the build's translation
 * check refuses, so nothing untranslated can ship. Prints the ids still to translate.
 *
 * <pre>java -cp … org.careleaf.catalog.internal.TranslationSkeleton module.json LANG [existing.json] out.json</pre>
 */
public final class TranslationSkeleton {

    /** Marks a part that still holds the English text. */
    public static final String MARK = "TODO-TRANSLATE: ";

    private TranslationSkeleton() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: TranslationSkeleton module.json LANG [existing-translation.json] out.json");
            System.exit(2);
        }
        ModuleDocument m = DocumentParser.module(Files.readAllBytes(Path.of(args[0]))).document();
        if (m == null) {
            throw new IllegalArgumentException(args[0] + " is not a valid module; run careleaf:validate on it");
        }
        TranslationDocument old = null;
        if (args.length > 3 && Files.exists(Path.of(args[2]))) {
            // read as it is, without the checks: a half-translated skeleton still holds markers the checks refuse
            old = Json.GSON.fromJson(Files.readString(Path.of(args[2]), StandardCharsets.UTF_8), TranslationDocument.class);
        }
        List<String> todo = new ArrayList<>();
        JsonObject o = skeleton(m, args[1], old, todo);
        Path out = Path.of(args[args.length - 1]);
        Files.writeString(out, new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(o) + "\n",
                StandardCharsets.UTF_8);
        System.out.println(out.getFileName() + ": " + todo.size() + " part(s) to translate: " + todo);
    }

    static JsonObject skeleton(ModuleDocument m, String locale, TranslationDocument old, List<String> todo) {
        JsonObject o = new JsonObject();
        o.addProperty("schemaVersion", TranslationDocument.SCHEMA_VERSION);
        o.addProperty("module", m.id());
        o.addProperty("locale", locale);
        o.addProperty("translatedFrom", m.version());
        o.addProperty("status", "machine-assisted");
        o.addProperty("note", old != null ? old.note() : MARK + "This translation was made with machine help and has not "
                + "yet been reviewed by a qualified medical translator.");
        o.add("title", text("$title", m.title(), old == null ? null : old.title(), todo));
        o.add("summary", text("$summary", m.summary(), old == null ? null : old.summary(), todo));
        JsonObject sections = new JsonObject();
        JsonObject blocks = new JsonObject();
        for (Section s : m.parts()) {
            sections.add(s.id(), text(s.id(), s.title(), old == null ? null : old.sections().get(s.id()), todo));
            for (Block b : s.blocks()) {
                blocks.add(b.id(), block(b, old == null ? null : old.blocks().get(b.id()), todo));
            }
        }
        o.add("sections", sections);
        o.add("blocks", blocks);
        return o;
    }

    private static JsonObject text(String id, String english, TranslatedText old, List<String> todo) {
        String hash = SourceHash.of(english);
        JsonObject t = new JsonObject();
        t.addProperty("source", hash);
        if (old != null && old.source().equals(hash)) {
            t.addProperty("text", old.text());
            if (old.text().contains(MARK.trim())) {
                todo.add(id);
            }
        } else {
            t.addProperty("text", MARK + english);
            todo.add(id);
        }
        return t;
    }

    private static JsonObject block(Block b, TranslatedBlock old, List<String> todo) {
        String hash = SourceHash.of(b);
        boolean current = old != null && old.source().equals(hash) && org.careleaf.catalog.internal.library.Localizer
                .fits(b, old);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", b.title());
        fields.put("text", b.text());
        fields.put("term", b.term());
        fields.put("alt", b.alt());
        Map<String, String> kept = new LinkedHashMap<>();
        if (current) {
            kept.put("title", old.title());
            kept.put("text", old.text());
            kept.put("term", old.term());
            kept.put("alt", old.alt());
        }
        JsonObject t = new JsonObject();
        t.addProperty("source", hash);
        for (var f : fields.entrySet()) {
            if (f.getValue() != null) {
                t.addProperty(f.getKey(), current ? kept.get(f.getKey()) : MARK + f.getValue());
            }
        }
        if (!b.items().isEmpty()) {
            JsonArray items = new JsonArray();
            for (int i = 0; i < b.items().size(); i++) {
                items.add(current ? old.items().get(i) : MARK + b.items().get(i));
            }
            t.add("items", items);
        }
        if (!current || t.toString().contains(MARK.trim())) {
            todo.add(b.id());
        }
        return t;
    }
}
