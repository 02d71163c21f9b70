package org.careleaf.shell.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.apache.karaf.shell.api.action.Completion;
import org.careleaf.admin.CatalogAdmin;
import org.careleaf.admin.ValidationReport;

@Service
@Command(scope = "careleaf", name = "validate",
        description = "Checks a content or language bundle (jar) or a JSON document before it is installed.")
public class ValidateCommand implements Action {

    /** Larger than any data bundle: refuse before reading it all. */
    private static final int MAX = 16 * 1024 * 1024;

    @Argument(index = 0, name = "file", description = "A path, or a file:, http: or https: URL", required = true)
    @Completion(FileCompleter.class)
    private String location;

    @Reference
    private CatalogAdmin admin;

    @Override
    public Object execute() throws IOException {
        byte[] bytes;
        String name;
        if (location.matches("(?i)(file|https?):.*")) {
            URI uri = URI.create(location);
            name = uri.getPath() == null ? location : uri.getPath();
            try (InputStream in = uri.toURL().openStream()) {
                bytes = in.readNBytes(MAX + 1);
            }
        } else {
            Path p = Path.of(location);
            if (!Files.isRegularFile(p)) {
                throw new IllegalArgumentException("no such file: " + location);
            }
            name = p.getFileName().toString();
            try (InputStream in = Files.newInputStream(p)) {
                bytes = in.readNBytes(MAX + 1);
            }
        }
        ValidationReport report = admin.validate(name, bytes);
        report.documents().forEach(d -> System.out.println("checked " + d));
        report.errors().forEach(e -> System.out.println("ERROR " + e));
        System.out.println(report.ok() ? "OK: " + location + " can be installed"
                : report.errors().size() + " problem(s): " + location + " would be refused");
        return null;
    }
}
