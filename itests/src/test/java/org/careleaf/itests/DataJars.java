package org.careleaf.itests;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** Data bundles written as jar files, from the project's shipped content, for tests that use deploy/. */
final class DataJars {

    private DataJars() {
    }

    /** The shipped module {@code mpc-outlook} under another id, version and order (and title, past 1.0.0). */
    static String module(String id, String version, int order) {
        Path shipped = Path.of(System.getProperty("careleaf.root"), "bundles", "content", "mpc-outlook", "src", "main",
                "resources", "content", "mpc-outlook.json");
        try {
            JsonObject m = JsonParser.parseString(Files.readString(shipped, StandardCharsets.UTF_8)).getAsJsonObject();
            m.addProperty("id", id);
            m.addProperty("version", version);
            m.addProperty("order", order);
            m.addProperty("title", "Test topic " + id + ", version " + version);
            return m.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A data bundle: the header naming {@code folder}, and the files in it, nothing else. */
    static void write(Path jar, String bsn, String version, String header, String folder, Map<String, String> files) {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", bsn);
        a.putValue("Bundle-Version", version);
        a.putValue(header, folder);
        try {
            Files.createDirectories(jar.toAbsolutePath().getParent());
            // written beside the folder (the deployer watches only its own files) and moved in whole
            Path tmp = jar.toAbsolutePath().getParent().resolveSibling(jar.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp); JarOutputStream j = new JarOutputStream(out, m)) {
                for (var f : files.entrySet()) {
                    j.putNextEntry(new JarEntry(folder + "/" + f.getKey()));
                    j.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                    j.closeEntry();
                }
            }
            Files.move(tmp, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
