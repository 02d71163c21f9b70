package org.careleaf.catalog.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import org.careleaf.model.Identifiers;
import org.careleaf.model.TranslatedBlock;
import org.careleaf.model.TranslatedText;
import org.careleaf.model.TranslationDocument;
import org.careleaf.model.TranslationStatus;

/**
 * Reads a translation in one pass, straight into its record, when it is written the plain way: every
 * field once, no nulls, nothing the checks would refuse. For anything else, valid or not, it answers
 * null and the caller reads the tree, whose checks name what is wrong; so what is accepted, and every
 * finding, stay the tree's. It applies the same rules (the same checks on each value), and
 * {@code TranslationReaderTest} holds it to the tree's answer for every shipped translation and for
 * each kind of fault. Translations are fifteen of every sixteen documents a library boots with, and
 * building a tree only to check it and bind it again was over a third of reading them.
 */
final class TranslationReader extends JsonChecks {

    /** Not the plain shape: the tree decides. Shared, without a stack trace: it is control flow here. */
    private static final class NotPlain extends Exception {
        private static final long serialVersionUID = 1L;

        NotPlain() {
            super(null, null, false, false);
        }
    }

    private static final NotPlain NOT_PLAIN = new NotPlain();
    private static final String SCHEMA = Integer.toString(TranslationDocument.SCHEMA_VERSION);

    private TranslationReader() {
    }

    /** The document, or null when the tree must decide. */
    static TranslationDocument read(Reader text) {
        TranslationReader r = new TranslationReader();
        JsonReader in = new JsonReader(text);
        in.setStrictness(Strictness.STRICT);
        try {
            TranslationDocument d = r.document(in);
            // a finding from a text check means the tree will refuse it, naming the path
            return in.peek() == JsonToken.END_DOCUMENT && r.findings.isEmpty() ? d : null;
        } catch (NotPlain | IOException | IllegalStateException e) {
            // IllegalStateException: Gson's reader met another token than the one asked for
            return null;
        }
    }

    private TranslationDocument document(JsonReader in) throws IOException, NotPlain {
        boolean schema = false;
        String module = null;
        String locale = null;
        String from = null;
        TranslationStatus status = null;
        String note = null;
        TranslatedText title = null;
        TranslatedText summary = null;
        Map<String, TranslatedText> sections = null;
        Map<String, TranslatedBlock> blocks = null;
        in.beginObject();
        while (in.hasNext()) {
            switch (in.nextName()) {
                case "schemaVersion" -> {
                    once(schema);
                    expect(in, JsonToken.NUMBER);
                    schema = require(SCHEMA.equals(in.nextString()));
                }
                case "module" -> module = id(in, module);
                case "locale" -> {
                    once(locale);
                    locale = string(in);
                    require(LANGUAGE_TAG.matcher(locale).matches() && !"en".equals(locale));
                }
                case "translatedFrom" -> {
                    once(from);
                    from = string(in);
                    require(VERSION.matcher(from).matches());
                }
                case "status" -> {
                    once(status);
                    status = TranslationValidator.STATUSES.get(string(in));
                    require(status != null);
                }
                case "note" -> note = text(in, note);
                case "title" -> title = entry(in, title);
                case "summary" -> summary = entry(in, summary);
                case "sections" -> sections = byId(in, sections, i -> entry(i, null));
                case "blocks" -> blocks = byId(in, blocks, this::block);
                default -> throw NOT_PLAIN;
            }
        }
        in.endObject();
        require(schema && module != null && locale != null && from != null && status != null && note != null
                && title != null && summary != null && sections != null && blocks != null);
        return new TranslationDocument(TranslationDocument.SCHEMA_VERSION, module, locale, from, status, note, title,
                summary, sections, blocks);
    }

    private TranslatedText entry(JsonReader in, TranslatedText before) throws IOException, NotPlain {
        once(before);
        String source = null;
        String text = null;
        in.beginObject();
        while (in.hasNext()) {
            switch (in.nextName()) {
                case "source" -> source = hash(in, source);
                case "text" -> text = text(in, text);
                default -> throw NOT_PLAIN;
            }
        }
        in.endObject();
        require(source != null && text != null);
        return new TranslatedText(source, text);
    }

    private TranslatedBlock block(JsonReader in) throws IOException, NotPlain {
        String source = null;
        String title = null;
        String text = null;
        String term = null;
        String alt = null;
        List<String> items = null;
        in.beginObject();
        while (in.hasNext()) {
            switch (in.nextName()) {
                case "source" -> source = hash(in, source);
                case "title" -> title = text(in, title);
                case "text" -> text = text(in, text);
                case "term" -> term = text(in, term);
                case "alt" -> alt = text(in, alt);
                case "items" -> {
                    once(items);
                    items = new ArrayList<>();
                    in.beginArray();
                    while (in.hasNext()) {
                        items.add(text(in, null));
                    }
                    in.endArray();
                }
                default -> throw NOT_PLAIN;
            }
        }
        in.endObject();
        require(source != null && (title != null || text != null || term != null || alt != null
                || items != null && !items.isEmpty()));
        return new TranslatedBlock(source, title, text, term, items, alt);
    }

    /** Reads one part of a translation. */
    @FunctionalInterface
    private interface Part<T> {
        T read(JsonReader in) throws IOException, NotPlain;
    }

    /** An object of parts by section or block id. */
    private static <T> Map<String, T> byId(JsonReader in, Map<String, T> before, Part<T> part) throws IOException, NotPlain {
        once(before);
        Map<String, T> parts = new HashMap<>();
        in.beginObject();
        while (in.hasNext()) {
            require(parts.put(key(in), part.read(in)) == null);
        }
        in.endObject();
        return parts;
    }

    /** A section or block id used as a key. */
    private static String key(JsonReader in) throws IOException, NotPlain {
        String k = in.nextName();
        require(Identifiers.isId(k));
        return k;
    }

    private static String id(JsonReader in, String before) throws IOException, NotPlain {
        once(before);
        String s = string(in);
        require(Identifiers.isId(s));
        return s;
    }

    private static String hash(JsonReader in, String before) throws IOException, NotPlain {
        once(before);
        String s = string(in);
        require(TranslationValidator.isHash(s));
        return s;
    }

    /** Text for readers, under the checks every text gets; the path is the tree's to give. */
    private String text(JsonReader in, String before) throws IOException, NotPlain {
        once(before);
        String s = string(in);
        checkText("$", s);
        return s;
    }

    private static String string(JsonReader in) throws IOException, NotPlain {
        expect(in, JsonToken.STRING);
        return in.nextString();
    }

    private static void expect(JsonReader in, JsonToken token) throws IOException, NotPlain {
        require(in.peek() == token);
    }

    /** A key met twice: the tree names it. */
    private static void once(Object before) throws NotPlain {
        require(before == null);
    }

    private static void once(boolean before) throws NotPlain {
        require(!before);
    }

    private static boolean require(boolean ok) throws NotPlain {
        if (!ok) {
            throw NOT_PLAIN;
        }
        return true;
    }
}
