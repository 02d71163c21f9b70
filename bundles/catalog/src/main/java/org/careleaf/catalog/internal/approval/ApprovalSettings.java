package org.careleaf.catalog.internal.approval;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The approval settings in force: what Config Admin delivered, or, when the component is activated before
 * Config Admin has delivered Karaf's {@code etc/org.careleaf.approvals.cfg} (seen after a kill), that file
 * itself, so a site that requires approval never serves unapproved content in the meantime.
 */
record ApprovalSettings(String policy, String shownAs, String roleLabel) {

    /** Present in a component's properties once Config Admin has delivered a configuration for it. */
    static final String CONFIGURED = "service.pid";

    static ApprovalSettings of(ApprovalConfig config, Map<String, Object> properties, Path karafFile) {
        ApprovalSettings given = new ApprovalSettings(config.policy(), config.shownAs(), config.roleLabel());
        if (properties.containsKey(CONFIGURED) || karafFile == null || !Files.isRegularFile(karafFile)) {
            return given;
        }
        Properties file = new Properties();
        try (Reader r = Files.newBufferedReader(karafFile, StandardCharsets.UTF_8)) {
            file.load(r);
        } catch (IOException | IllegalArgumentException e) {
            // a file that exists but cannot be read must not open the door, as an unknown policy does not
            java.util.logging.Logger.getLogger(ApprovalSettings.class.getName()).warning(() -> "Careleaf: cannot read "
                    + karafFile + " (" + e.getMessage() + "); requiring approval until Config Admin delivers it");
            return new ApprovalSettings("require", given.shownAs, given.roleLabel);
        }
        return new ApprovalSettings(file.getProperty("policy", given.policy).strip(),
                file.getProperty("shownAs", given.shownAs).strip(), file.getProperty("roleLabel", given.roleLabel).strip());
    }
}
