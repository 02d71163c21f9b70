package org.careleaf.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.inject.Inject;

import org.careleaf.admin.AuditEntry;
import org.careleaf.admin.CatalogAdmin;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** The web admin over HTTP: JAAS login, the admin role, CSRF, audit, and 404 for what does not exist. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AdminWebIT extends CareleafTestSupport {

    @Inject
    protected CatalogAdmin admin;

    @Configuration
    public Option[] config() {
        return careleafKaraf();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static final String ADMIN = basic("admin", ADMIN_PASSWORD);

    @After
    public void enableEverything() {
        enableEverything(admin);
    }

    @Test
    public void loginIsRequiredAndTheRoleIsChecked() {
        Answer anonymous = get("/careleaf/admin/");
        assertEquals(401, anonymous.status());
        assertTrue(anonymous.header("WWW-Authenticate").startsWith("Basic"));
        assertEquals(401, get("/careleaf/admin/", "Authorization", basic("admin", "wrong")).status());
        assertEquals(401, get("/careleaf/admin/api/modules", "Authorization", "Basic !!!").status());
        assertEquals(403, get("/careleaf/admin/", "Authorization", basic("nurse", NURSE_PASSWORD)).status());
        Answer page = get("/careleaf/admin/", "Authorization", ADMIN);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("mpc-overview"));
        assertTrue(page.body().contains("Audit trail"));
        assertTrue(page.header("Content-Security-Policy").contains("frame-ancestors 'none'"));
        assertEquals("nosniff", page.header("X-Content-Type-Options"));
        assertEquals("no-store", page.header("Cache-Control"));
    }

    @Test
    public void repeatedFailedLoginsAreSlowedDown() {
        for (int i = 0; i < 5; i++) {
            assertEquals(401, get("/careleaf/admin/", "Authorization", basic("mallory", "guess" + i)).status());
        }
        Answer blocked = get("/careleaf/admin/", "Authorization", basic("mallory", "guess5"));
        assertEquals(429, blocked.status());
        assertNotNull(blocked.header("Retry-After"));
        assertEquals("other accounts are not locked out", 200, get("/careleaf/admin/", "Authorization", ADMIN).status());
    }

    @Test
    public void pathsThatDoNotExistAre404EvenWithoutLogin() {
        assertEquals(404, get("/careleaf/admin/secret-backup").status());
        assertEquals(404, get("/careleaf/admin/api/nothing").status());
    }

    @Test
    public void changesNeedACsrfTokenAndAreAudited() {
        assertEquals(403, request("POST", "/careleaf/admin/modules/mpc-outlook/disable",
                "application/x-www-form-urlencoded", "csrf=forged", "Authorization", ADMIN).status());
        assertEquals(403, request("POST", "/careleaf/admin/modules/mpc-outlook/disable",
                "application/x-www-form-urlencoded", "", "Authorization", ADMIN).status());
        assertTrue(catalog.view("en").module("mpc-outlook").isPresent());

        Answer page = get("/careleaf/admin/", "Authorization", ADMIN);
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertTrue(m.find());
        String token = m.group(1);
        assertEquals("another site's form is refused", 403, request("POST", "/careleaf/admin/modules/mpc-outlook/disable",
                "application/x-www-form-urlencoded", "csrf=" + token, "Authorization", ADMIN,
                "Origin", "https://evil.example").status());

        Answer done = request("POST", "/careleaf/admin/modules/mpc-outlook/disable", "application/x-www-form-urlencoded",
                "csrf=" + token, "Authorization", ADMIN);
        assertEquals(303, done.status());
        assertTrue(catalog.view("en").module("mpc-outlook").isEmpty());
        assertEquals(404, get("/careleaf/api/modules/mpc-outlook").status());
        AuditEntry e = admin.audit(1).get(0);
        assertEquals("admin", e.user());
        assertEquals("web", e.channel());
        assertEquals("127.0.0.1", e.from());
        assertEquals("disable", e.action());

        Answer api = request("POST", "/careleaf/admin/modules/mpc-outlook/enable", "application/json", "",
                "Authorization", ADMIN, "X-CSRF-Token", token);
        assertEquals(200, api.status());
        assertTrue(api.body().contains("\"changed\":true"));
        assertEquals(200, get("/careleaf/api/modules/mpc-outlook").status());
        assertEquals(404, request("POST", "/careleaf/admin/modules/no-such-module/disable", "application/json", "",
                "Authorization", ADMIN, "X-CSRF-Token", token).status());
        assertEquals(403, request("POST", "/careleaf/admin/modules/mpc-outlook/disable", "application/json", "",
                "Authorization", basic("nurse", NURSE_PASSWORD), "X-CSRF-Token", token).status());
    }

    @Test
    public void auditAndModulesAsJson() {
        Answer modules = get("/careleaf/admin/api/modules", "Authorization", ADMIN);
        assertEquals(200, modules.status());
        assertEquals(9, modules.json().getAsJsonObject().getAsJsonArray("modules").size());
        assertNotNull(modules.json().getAsJsonObject().get("csrf"));
        assertEquals(400, get("/careleaf/admin/api/audit?limit=abc", "Authorization", ADMIN).status());
        assertEquals(200, get("/careleaf/admin/api/audit?limit=5", "Authorization", ADMIN).status());
    }
}
