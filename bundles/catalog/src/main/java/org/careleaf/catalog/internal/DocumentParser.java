package org.careleaf.catalog.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;

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
        return parse(bytes, null, ModuleValidator::validate, ModuleDocument.class);
    }

    /** A translation: read in one pass when it is plainly valid, else through the tree and its checks. */
    public static Result<TranslationDocument> translation(byte[] bytes) {
        return parse(bytes, TranslationReader::read, TranslationValidator::validate, TranslationDocument.class);
    }

    /** A translation through the tree and its checks only: what {@link TranslationReader} is held to. */
    static Result<TranslationDocument> translationByTree(byte[] bytes) {
        return parse(bytes, null, TranslationValidator::validate, TranslationDocument.class);
    }

    public static Result<ViewerText> viewerText(byte[] bytes) {
        return parse(bytes, null, ViewerTextValidator::validate, ViewerText.class);
    }

    /** A module file: the document, and its file name must be {@code <id>.json}. */
    public static Result<ModuleDocument> moduleFile(String fileName, byte[] bytes) {
        Result<ModuleDocument> r = module(bytes);
        return r.ok() ? named(r, fileName, r.document().id() + ".json", "$.id") : r;
    }

    /** Reads a file a module names (a figure), relative to the module's folder; null when there is none. */
    @FunctionalInterface
    public interface Files {
        byte[] read(String relativePath) throws java.io.IOException;
    }

    /** A module and the SVG text of the figures it names, by {@code src}. */
    public record ModuleFile(ModuleDocument document, java.util.Map<String, String> figures) {
        public ModuleFile {
            figures = java.util.Map.copyOf(figures);
        }
    }

    /**
     * A module file with its figures: the document as {@link #moduleFile}, then every figure it names read
     * from {@code files} and checked; a missing or unsafe figure refuses the module, naming the figure.
     */
    public static Result<ModuleFile> moduleWithFigures(String fileName, byte[] bytes, Files files) {
        Result<ModuleDocument> r = moduleFile(fileName, bytes);
        if (!r.ok()) {
            return new Result<>(null, r.findings());
        }
        java.util.Map<String, String> figures = new java.util.TreeMap<>();
        List<Finding> findings = new java.util.ArrayList<>();
        ModuleDocument m = r.document();
        int s = 0;
        for (org.careleaf.model.Section section : m.parts()) {
            int b = 0;
            for (org.careleaf.model.Block block : section.blocks()) {
                if (block.type() == org.careleaf.model.BlockType.FIGURE && !figures.containsKey(block.src())) {
                    String at = (section == m.keyPoints() ? "$.keyPoints" : "$.sections[" + (m.keyPoints() == null ? s : s - 1)
                            + "]") + ".blocks[" + b + "].src";
                    byte[] svg;
                    try {
                        svg = files.read(block.src());
                    } catch (java.io.IOException e) {
                        svg = null;
                    }
                    if (svg == null) {
                        findings.add(new Finding(at, "the figure file " + block.src() + " is not in the bundle"));
                    } else {
                        List<Finding> bad = FigureValidator.validate(svg);
                        bad.forEach(f -> findings.add(new Finding(block.src(), f.path(), f.message())));
                        if (bad.isEmpty()) {
                            figures.put(block.src(), new String(svg, StandardCharsets.UTF_8));
                        }
                    }
                }
                b++;
            }
            s++;
        }
        return findings.isEmpty() ? new Result<>(new ModuleFile(m, figures), List.of()) : new Result<>(null, findings);
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

    /**
     * The document from checked UTF-8: by {@code onePass} when it is given and answers (null means the tree
     * decides), else as a tree, checked by {@code validator}, then bound to {@code type}.
     */
    private static <T> Result<T> parse(byte[] bytes, Function<java.io.Reader, T> onePass,
            Function<com.google.gson.JsonObject, List<Finding>> validator, Class<T> type) {
        if (bytes.length > MAX_BYTES) {
            return fail("$", "file is larger than " + MAX_BYTES + " bytes, the most a document may have");
        }
        java.nio.CharBuffer text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            return fail("$", "file is not valid UTF-8");
        }
        if (text.length() > 0 && text.charAt(0) == '\uFEFF') {
            return fail("$", "file starts with a byte-order mark; save it as UTF-8 without one");
        }
        if (onePass != null) {
            T read = onePass.apply(reader(text));
            if (read != null) {
                return new Result<>(read, List.of());
            }
        }
        JsonElement tree;
        try {
            tree = StrictJson.parse(reader(text));
        } catch (StrictJson.Refused e) {
            return fail(e.path, e.getMessage());
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
            return fail("$", String.valueOf(e.getMessage()));
        }
    }

    /** The decoded characters, read where they are rather than copied into a string first. */
    private static java.io.Reader reader(java.nio.CharBuffer text) {
        return new java.io.CharArrayReader(text.array(), text.arrayOffset() + text.position(), text.remaining());
    }

    private static <T> Result<T> fail(String path, String message) {
        return new Result<>(null, List.of(new Finding(path, message)));
    }
}
