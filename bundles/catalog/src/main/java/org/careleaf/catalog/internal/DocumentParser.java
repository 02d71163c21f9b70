package org.careleaf.catalog.internal;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;

import org.careleaf.model.ModuleDocument;
import org.careleaf.model.TranslationDocument;
import org.careleaf.model.ViewerText;

/**
 * Turns the bytes of a content or localisation file into a checked document, or into findings that
 * say exactly what is wrong (syntax with line and column, then each field by JSON path).
 */
public final class DocumentParser {

    /** Larger files are refused before parsing: no real module comes near it. */
    public static final int MAX_BYTES = 512 * 1024;

    /** A document, or why there is none. */
    public record Result<T>(T document, List<Finding> findings) {
        public boolean ok() {
            return document != null;
        }
    }

    private DocumentParser() {
    }

    public static Result<ModuleDocument> module(byte[] bytes) {
        return parse(bytes, ModuleValidator::validate, ModuleDocument.class);
    }

    public static Result<TranslationDocument> translation(byte[] bytes) {
        return parse(bytes, TranslationValidator::validate, TranslationDocument.class);
    }

    public static Result<ViewerText> viewerText(byte[] bytes) {
        return parse(bytes, ViewerTextValidator::validate, ViewerText.class);
    }

    /** A module file: the document, and its file name must be {@code <id>.json}. */
    public static Result<ModuleDocument> moduleFile(String fileName, byte[] bytes) {
        Result<ModuleDocument> r = module(bytes);
        return r.ok() ? named(r, fileName, r.document().id() + ".json", "$.id") : r;
    }

    /** A translation file: the document, and its file name must be {@code <module>.<locale>.json}. */
    public static Result<TranslationDocument> translationFile(String fileName, byte[] bytes) {
        Result<TranslationDocument> r = translation(bytes);
        return r.ok() ? named(r, fileName, r.document().module() + "." + r.document().locale() + ".json", "$.module") : r;
    }

    /** A viewer strings file: the document, and its file name must be {@code ui.<locale>.json}. */
    public static Result<ViewerText> viewerTextFile(String fileName, byte[] bytes) {
        Result<ViewerText> r = viewerText(bytes);
        return r.ok() ? named(r, fileName, "ui." + r.document().locale() + ".json", "$.locale") : r;
    }

    private static <T> Result<T> named(Result<T> r, String fileName, String expected, String path) {
        if (fileName.equals(expected)) {
            return r;
        }
        return new Result<>(null, List.of(new Finding(path, "this document must be in a file named " + expected
                + ", not " + fileName)));
    }

    private static <T> Result<T> parse(byte[] bytes, Function<com.google.gson.JsonObject, List<Finding>> validator,
            Class<T> type) {
        if (bytes.length > MAX_BYTES) {
            return fail("$", "file is larger than " + MAX_BYTES + " bytes, the most a document may have");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return fail("$", "file is not valid UTF-8");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        JsonElement tree;
        try {
            JsonReader reader = new JsonReader(new StringReader(text));
            reader.setStrictness(Strictness.STRICT);
            tree = JsonParser.parseReader(reader);
            if (reader.peek() != com.google.gson.stream.JsonToken.END_DOCUMENT) {
                return fail("$", "unexpected content after the end of the JSON document");
            }
        } catch (JsonParseException | IOException e) {
            return fail(syntaxPosition(e), "JSON syntax error: " + rootMessage(e));
        }
        if (!tree.isJsonObject()) {
            return fail("$", "the document must be a JSON object");
        }
        List<Finding> findings = validator.apply(tree.getAsJsonObject());
        if (!findings.isEmpty()) {
            return new Result<>(null, findings);
        }
        try {
            return new Result<>(Json.GSON.fromJson(tree, type), List.of());
        } catch (JsonParseException e) {
            // the validator should have caught this; report it rather than fail the caller
            return fail("$", rootMessage(e));
        }
    }

    private static <T> Result<T> fail(String path, String message) {
        return new Result<>(null, List.of(new Finding(path, message)));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage();
        if (m == null) {
            return t.getClass().getSimpleName();
        }
        // Gson appends a link to its troubleshooting page; readers of a problem list need the position only
        int see = m.indexOf("\nSee ");
        return see >= 0 ? m.substring(0, see) : m;
    }

    private static String syntaxPosition(Throwable e) {
        var m = java.util.regex.Pattern.compile("line (\\d+) column (\\d+)").matcher(rootMessage(e));
        return m.find() ? "line " + m.group(1) + " column " + m.group(2) : "$";
    }
}
