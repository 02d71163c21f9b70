package org.careleaf.fhir.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The HL7 FHIR validator (module fhir-validator), loaded in a class loader of its own: it needs a newer
 * org.hl7.fhir core than the HAPI structures this bundle runs on, so it sees only the JSON the servlet
 * wrote, as a client would. Made once per test run (loading R4's definitions takes a minute here).
 */
final class HL7Validator {

    private static Function<String, List<String>> validator;
    /** Every warning and information message seen, without duplicates, for the build's report. */
    static final Set<String> NOTES = new TreeSet<>();

    private HL7Validator() {
    }

    /** Fails when the validator finds an error in the resource; records its warnings. */
    static void assertValid(String json) {
        List<String> errors = new ArrayList<>();
        for (String m : validate(json)) {
            if (m.startsWith("ERROR|") || m.startsWith("FATAL|")) {
                errors.add(m);
            } else {
                // the location's indices vary from resource to resource; the message is what matters
                String[] parts = m.split("\\|", 3);
                NOTES.add(parts[0] + " " + parts[1].replaceAll("\\[\\d+]", "[*]").replaceAll("/\\*[^*]*\\*/", "") + ": " + parts[2]);
            }
        }
        assertEquals(List.of(), errors, "HL7 validator errors in " + json);
        writeNotes();
    }

    /** Answers already validated: many tests read the same answer, and validating one takes a while. */
    private static final java.util.Map<String, List<String>> SEEN = new java.util.HashMap<>();

    static synchronized List<String> validate(String json) {
        if (validator == null) {
            validator = load();
        }
        return SEEN.computeIfAbsent(json, validator);
    }

    @SuppressWarnings("unchecked")
    private static Function<String, List<String>> load() {
        try {
            List<URL> urls = new ArrayList<>();
            urls.add(Path.of(System.getProperty("careleaf.fhir.validator.classes")).toUri().toURL());
            for (String jar : Files.readString(Path.of(System.getProperty("careleaf.fhir.validator.classpath")))
                    .trim().split(java.io.File.pathSeparator)) {
                urls.add(Path.of(jar).toUri().toURL());
            }
            // the platform loader as parent: nothing of this module's class path leaks in
            ClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
            return (Function<String, List<String>>) loader.loadClass("org.careleaf.fhirvalidator.R4Validator")
                    .getConstructor().newInstance();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot load the HL7 validator", e);
        }
    }

    private static void writeNotes() {
        try {
            Files.write(Path.of("target", "hl7-validator-notes.txt"), NOTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
