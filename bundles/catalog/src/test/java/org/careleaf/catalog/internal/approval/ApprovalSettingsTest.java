package org.careleaf.catalog.internal.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Until Config Admin delivers Karaf's approvals file, the file itself is what the site chose. */
class ApprovalSettingsTest {

    @TempDir
    Path etc;

    /** What DS hands a component activated without any configuration: the defaults. */
    private static final ApprovalConfig DEFAULTS = new ApprovalConfig() {
        @Override
        public Class<? extends Annotation> annotationType() {
            return ApprovalConfig.class;
        }

        @Override
        public String policy() {
            return "off";
        }

        @Override
        public String shownAs() {
            return "role";
        }

        @Override
        public String roleLabel() {
            return "A clinician of this hospital";
        }
    };

    private Path cfg(String text) throws Exception {
        Path f = etc.resolve("org.careleaf.approvals.cfg");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void activatedBeforeConfigAdminTheSiteFileDecides() throws Exception {
        Path f = cfg("# the site requires approval\npolicy = require\nshownAs = name\nroleLabel = Oncology \\\n  pharmacist\n");
        ApprovalSettings s = ApprovalSettings.of(DEFAULTS, Map.of(), f);
        assertEquals(new ApprovalSettings("require", "name", "Oncology pharmacist"), s);
    }

    @Test
    void onceConfigAdminDeliversItsConfigurationThatIsWhatTheSiteChose() throws Exception {
        Path f = cfg("policy = require\n");
        // as a host that set the policy through Config Admin, without editing the file
        ApprovalSettings s = ApprovalSettings.of(DEFAULTS, Map.of(ApprovalSettings.CONFIGURED, Approvals.PID), f);
        assertEquals("off", s.policy(), "Config Admin's configuration is current once it is delivered");
    }

    @Test
    void withoutAFileTheDefaultsApply() {
        ApprovalSettings s = ApprovalSettings.of(DEFAULTS, Map.of(), etc.resolve("org.careleaf.approvals.cfg"));
        assertEquals(new ApprovalSettings("off", "role", "A clinician of this hospital"), s);
        assertEquals("off", ApprovalSettings.of(DEFAULTS, Map.of(), null).policy());
    }

    @Test
    void aFileWithoutThePolicyKeepsTheDefaultPolicy() throws Exception {
        Path f = cfg("shownAs = name\n");
        assertEquals(new ApprovalSettings("off", "name", "A clinician of this hospital"), ApprovalSettings.of(DEFAULTS, Map.of(), f));
    }

    @Test
    void aFileThatCannotBeReadRequiresApproval() throws Exception {
        Path f = cfg("policy = off\nroleLabel = \\uZZZZ\n");
        assertEquals("require", ApprovalSettings.of(DEFAULTS, Map.of(), f).policy());
    }
}
