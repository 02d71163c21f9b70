package org.careleaf.catalog.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;

import org.careleaf.admin.ValidationReport;
import org.careleaf.catalog.internal.extender.ContentExtender;

/**
 * Checks a data bundle (or one JSON document) as the extender would, before anyone installs it: the
 * header, each document under the folder it names (a module with the figures it names), and each file's
 * name against its content.
 */
public final class BundleValidator {

    /** A jar larger than this is not a data bundle of ours. */
    static final int MAX_JAR = 64 * 1024 * 1024;
    /** Entries read from one jar; more is not a data bundle either. */
    static final int MAX_ENTRIES = 50_000;

    private BundleValidator() {
    }

    public static ValidationReport validate(String name, byte[] bytes) {
        List<String> docs = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        if (bytes.length > MAX_JAR) {
            errors.add(name + ": larger than " + MAX_JAR + " bytes");
            return new ValidationReport(docs, errors);
        }
        if (name.endsWith(".json")) {
            docs.add(name);
            document(name, name.substring(name.lastIndexOf('/') + 1), kindOf(bytes), bytes, p -> null, errors);
            return new ValidationReport(docs, errors);
        }
        try (JarInputStream jar = new JarInputStream(new ByteArrayInputStream(bytes))) {
            Manifest m = jar.getManifest();
            if (m == null) {
                errors.add(name + ": not a bundle (no META-INF/MANIFEST.MF)");
                return new ValidationReport(docs, errors);
            }
            String content = m.getMainAttributes().getValue(ContentExtender.CONTENT_HEADER);
            String l10n = m.getMainAttributes().getValue(ContentExtender.LOCALISATION_HEADER);
            if (m.getMainAttributes().getValue("Bundle-SymbolicName") == null) {
                errors.add(name + ": the manifest has no Bundle-SymbolicName");
            }
            if (content == null && l10n == null) {
                errors.add(name + ": the manifest has neither a " + ContentExtender.CONTENT_HEADER + " nor a "
                        + ContentExtender.LOCALISATION_HEADER + " header");
                return new ValidationReport(docs, errors);
            }
            if (m.getMainAttributes().getValue("Import-Package") != null) {
                errors.add(name + ": a data bundle imports no package (found Import-Package)");
            }
            Map<String, byte[]> files = new TreeMap<>();
            int n = 0;
            for (JarEntry e; (e = jar.getNextJarEntry()) != null; ) {
                if (++n > MAX_ENTRIES) {
                    errors.add(name + ": more than " + MAX_ENTRIES + " entries");
                    break;
                }
                if (!e.isDirectory()) {
                    files.put(e.getName(), jar.readNBytes(DocumentParser.MAX_BYTES + 1));
                }
            }
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                String path = f.getKey();
                String folder = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
                String file = path.substring(path.lastIndexOf('/') + 1);
                if (!file.endsWith(".json")) {
                    continue;
                }
                if (content != null && folder.equals(content.trim())) {
                    docs.add(path);
                    String base = folder + "/";
                    document(path, file, Kind.MODULE, f.getValue(), src -> files.get(base + src), errors);
                } else if (l10n != null && folder.equals(l10n.trim())) {
                    docs.add(path);
                    document(path, file, file.startsWith("ui.") ? Kind.VIEWER : Kind.TRANSLATION, f.getValue(),
                            p -> null, errors);
                }
            }
            if (docs.isEmpty()) {
                errors.add(name + ": no .json document in the folder the header names");
            }
        } catch (IOException e) {
            errors.add(name + ": not a readable jar: " + e.getMessage());
        }
        return new ValidationReport(docs, errors);
    }

    private enum Kind { MODULE, TRANSLATION, VIEWER }

    /** A lone JSON document says what it is by its fields. */
    private static Kind kindOf(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.UTF_8);
        if (head.contains("\"strings\"")) {
            return Kind.VIEWER;
        }
        return head.contains("\"translatedFrom\"") ? Kind.TRANSLATION : Kind.MODULE;
    }

    private static void document(String path, String file, Kind kind, byte[] bytes, DocumentParser.Files figures,
            List<String> errors) {
        List<Finding> findings = switch (kind) {
            case MODULE -> DocumentParser.moduleWithFigures(file, bytes, figures).findings();
            case TRANSLATION -> DocumentParser.translationFile(file, bytes).findings();
            case VIEWER -> DocumentParser.viewerTextFile(file, bytes).findings();
        };
        String folder = path.contains("/") ? path.substring(0, path.lastIndexOf('/') + 1) : "";
        findings.forEach(f -> errors.add((f.file() == null ? path : folder + f.file()) + " " + f.path() + ": "
                + f.message()));
    }
}
