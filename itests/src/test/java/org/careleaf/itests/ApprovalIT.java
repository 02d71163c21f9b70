package org.careleaf.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.stream.Collectors;

import javax.inject.Inject;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.careleaf.admin.ApprovalPolicy;
import org.careleaf.admin.CatalogAdmin;
import org.careleaf.admin.ContentApprovals;
import org.careleaf.admin.ModuleState;
import org.careleaf.admin.PendingReview;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The site's clinical approval, end to end: a reviewer approves exactly what they saw (web and shell), readers
 * are told, under "require" a newer version waits while the approved one serves, the review shows exactly
 * what changed, an approval never carries over to other content, only reviewers approve, and approvals
 * outlive a restart of the catalog.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ApprovalIT extends CareleafTestSupport {

    @Inject
    protected CatalogAdmin admin;

    @Inject
    protected ConfigurationAdmin configAdmin;

    /** The service now: the test restarts the catalog bundle, which registers a new one. */
    private ContentApprovals approvals() {
        await("the approvals service", seconds(60), () -> context.getServiceReference(ContentApprovals.class) != null);
        return context.getService(context.getServiceReference(ContentApprovals.class));
    }

    @Configuration
    public Option[] config() {
        return careleafKaraf();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static final String REVIEWER = basic("drlee", REVIEWER_PASSWORD);
    private static final String ADMIN = basic("admin", ADMIN_PASSWORD);
    private static final String NURSE = basic("nurse", NURSE_PASSWORD);

    private void policy(String policy) throws Exception {
        Dictionary<String, Object> p = new Hashtable<>();
        p.put("policy", policy);
        p.put("shownAs", "role");
        p.put("roleLabel", "A urology nurse specialist");
        configAdmin.getConfiguration("org.careleaf.approvals", null).update(p);
        ApprovalPolicy wanted = ApprovalPolicy.valueOf(policy.toUpperCase(java.util.Locale.ROOT));
        await("policy " + policy, seconds(30), () -> approvals().policy() == wanted);
    }

    private static JsonObject json(Answer a) {
        return JsonParser.parseString(a.body()).getAsJsonObject();
    }

    private JsonObject review(String path) {
        Answer a = get("/careleaf/admin/api/review" + path, "Authorization", REVIEWER);
        assertEquals(a.body(), 200, a.status());
        return json(a);
    }

    private String pendingHash(String module, String locale) {
        return approvals().pending().stream().filter(p -> p.module().equals(module) && p.locale().equals(locale))
                .map(PendingReview::contentHash).findFirst().orElseThrow(() -> new AssertionError(
                        module + "/" + locale + " is not pending: " + approvals().pending()));
    }

    private Answer approveOverHttp(String auth, String module, String lang, String hash) {
        String csrf = review("").get("csrf").getAsString();
        String body = "hash=" + hash + (lang == null ? "" : "&lang=" + lang) + "&comment=checked+against+NCI";
        return request("POST", "/careleaf/admin/review/" + module + "/approve", "application/x-www-form-urlencoded", body,
                "Authorization", auth, "X-CSRF-Token", csrf);
    }

    private JsonObject module(String id, String lang) {
        Answer a = get("/careleaf/api/modules/" + id + "?lang=" + lang);
        assertEquals(a.body(), 200, a.status());
        return json(a);
    }

    @Test
    public void aReviewerApprovesWhatTheySawAndRequireServesOnlyThat() throws Exception {
        policy("show");
        JsonObject outlook = module("mpc-outlook", "en");
        assertFalse("nothing approved yet, and readers are told", outlook.getAsJsonObject("approval").get("approved")
                .getAsBoolean());
        assertTrue(get("/careleaf/modules/mpc-outlook?lang=en").body().contains("Not yet approved"));

        // who may see and who may approve
        assertEquals(401, get("/careleaf/admin/api/review").status());
        assertEquals("a viewer may not open the review", 403, get("/careleaf/admin/api/review", "Authorization", NURSE).status());
        assertEquals("an administrator may read", 200, get("/careleaf/admin/api/review", "Authorization", ADMIN).status());
        JsonArray pending = review("").getAsJsonArray("pending");
        assertTrue(pending.toString(), pending.size() >= 9);
        String enHash = pendingHash("mpc-outlook", "en");
        assertEquals("an administrator is not a clinical reviewer", 403,
                approveOverHttp(ADMIN, "mpc-outlook", null, enHash).status());
        assertEquals("a hash that is not on offer is refused", 409,
                approveOverHttp(REVIEWER, "mpc-outlook", null, "0".repeat(64)).status());
        assertEquals(400, approveOverHttp(REVIEWER, "mpc-outlook", null, "not-a-hash").status());

        Answer approved = approveOverHttp(REVIEWER, "mpc-outlook", null, enHash);
        assertEquals(approved.body(), 200, approved.status());
        JsonObject state = module("mpc-outlook", "en").getAsJsonObject("approval");
        assertTrue(state.get("approved").getAsBoolean());
        assertEquals("the site shows a role, not the login", "A urology nurse specialist", state.get("by").getAsString());
        assertTrue(get("/careleaf/modules/mpc-outlook?lang=en").body().contains("Approved for patients at this hospital by "
                + "A urology nurse specialist"));
        assertEquals("drlee", admin.audit(1).get(0).user());
        assertEquals("approve", admin.audit(1).get(0).action());

        // the Spanish translation, through the shell; a viewer's shell may list but not approve
        String esHash = pendingHash("mpc-outlook", "es");
        String listing = shell("careleaf:pending", "nurse", "viewer");
        assertTrue(listing, listing.contains(esHash));
        String refused = "";
        try {
            refused = shell("careleaf:approve --lang es mpc-outlook " + esHash, "nurse", "viewer");
        } catch (Exception e) {
            refused = String.valueOf(e);
        }
        assertTrue("a viewer's shell has no careleaf:approve: " + refused, refused.contains("Command not found"));
        assertTrue(approvals().approvals().stream().noneMatch(a -> a.locale().equals("es")));
        String out = shell("careleaf:approve --lang es -m \"read by a Spanish-speaking nurse\" mpc-outlook " + esHash.substring(0, 16),
                "drlee", "careleaf-reviewer");
        assertTrue("[" + out + "] refused: [" + refused + "] approvals: " + approvals().approvals(),
                out.matches("(?s)Approved: mpc-outlook [0-9.]+ \\(es translation\\) by drlee.*"));

        // require: what nobody approved is not served; an unapproved translation falls back to approved English
        policy("require");
        await("unapproved modules leave", seconds(30), () -> get("/careleaf/api/modules/mpc-overview").status() == 404);
        assertEquals(ModuleState.UNAPPROVED, state("mpc-overview"));
        JsonObject es = module("mpc-outlook", "es");
        assertEquals("es", es.get("locale").getAsString());
        JsonObject de = module("mpc-outlook", "de");
        assertEquals("en", de.get("locale").getAsString());
        assertEquals("awaiting-approval", de.getAsJsonObject("translation").get("status").getAsString());
        assertTrue(get("/careleaf/modules/mpc-outlook?lang=de").status() == 200);
        List<String> listed = ids(get("/careleaf/api/modules?lang=en"));
        assertEquals(List.of("mpc-outlook"), listed);

        // a newer version waits; the approved one keeps serving; the review shows exactly what changed
        JsonObject next = JsonParser.parseString(entry(bundle("org.careleaf.content.mpc.outlook"), "content/mpc-outlook.json"))
                .getAsJsonObject();
        next.addProperty("version", "2.1.0");
        next.addProperty("title", "Outlook for metastatic prostate cancer (updated)");
        JsonObject limitsP1 = next.getAsJsonArray("sections").get(3).getAsJsonObject().getAsJsonArray("blocks").get(0)
                .getAsJsonObject();
        assertEquals("limits-p1", limitsP1.get("id").getAsString());
        String oldText = limitsP1.get("text").getAsString();
        limitsP1.addProperty("text", oldText + " Your care team can tell you more.");
        Bundle update = context.installBundle("test:outlook-2.1.0", dataBundle("test.outlook.next", "2.1.0",
                "Careleaf-Content", "content", "mpc-outlook.json", next.toString()));
        update.start();
        try {
            await("2.1.0 waits for review", seconds(30), () -> approvals().pending().stream().anyMatch(
                    p -> p.module().equals("mpc-outlook") && p.locale().equals("en") && "2.1.0".equals(p.version())));
            assertEquals("2.0.0", module("mpc-outlook", "en").get("version").getAsString());
            assertEquals(ModuleState.HELD, state("mpc-outlook"));
            PendingReview waiting = approvals().pending().stream().filter(p -> p.module().equals("mpc-outlook")
                    && p.locale().equals("en")).findFirst().orElseThrow();
            assertEquals("2.0.0", waiting.approvedVersion());
            assertFalse("the approval of 2.0.0 does not carry over", waiting.contentHash().equals(enHash));

            JsonObject diff = review("/mpc-outlook").getAsJsonObject("diff");
            assertEquals("2.0.0", diff.get("fromVersion").getAsString());
            assertEquals("2.1.0", diff.get("toVersion").getAsString());
            List<String> changed = new java.util.ArrayList<>();
            for (JsonElement part : diff.getAsJsonArray("parts")) {
                changed.add(part.getAsJsonObject().get("id").getAsString() + ":" + part.getAsJsonObject().get("change").getAsString());
            }
            assertEquals(List.of("$title:changed", "limits-p1:changed"), changed);
            JsonObject limits = diff.getAsJsonArray("parts").get(1).getAsJsonObject();
            assertTrue(limits.get("after").getAsString().endsWith("Your care team can tell you more."));
            Answer page = get("/careleaf/admin/review/mpc-outlook", "Authorization", REVIEWER);
            assertEquals(200, page.status());
            assertTrue(page.body().contains("Your care team can tell you more."));

            Answer approvedNext = approveOverHttp(REVIEWER, "mpc-outlook", null, waiting.contentHash());
            assertEquals(approvedNext.body(), 200, approvedNext.status());
            await("2.1.0 serves once approved", seconds(30),
                    () -> "2.1.0".equals(module("mpc-outlook", "en").get("version").getAsString()));

            // withdrawing takes exactly that approval back: the approved 2.0.0 serves again
            String csrf = review("").get("csrf").getAsString();
            Answer withdrawn = request("POST", "/careleaf/admin/review/mpc-outlook/withdraw",
                    "application/x-www-form-urlencoded", "hash=" + waiting.contentHash() + "&comment=wrong+leaflet",
                    "Authorization", REVIEWER, "X-CSRF-Token", csrf);
            assertEquals(withdrawn.body(), 200, withdrawn.status());
            await("back to 2.0.0", seconds(30),
                    () -> "2.0.0".equals(module("mpc-outlook", "en").get("version").getAsString()));

            // approvals are kept on disk: a restart of the catalog finds them
            Bundle catalogBundle = bundle("org.careleaf.catalog");
            catalogBundle.stop();
            catalogBundle.start();
            await("catalog back", seconds(60), () -> get("/careleaf/api/modules/mpc-outlook?lang=es").status() == 200);
            assertEquals("es", module("mpc-outlook", "es").get("locale").getAsString());
            assertEquals(404, get("/careleaf/api/modules/mpc-overview").status());
            assertTrue(approvals().approvals().stream().anyMatch(a -> a.contentHash().equals(enHash)));
            assertTrue(approvals().approvals().stream().noneMatch(a -> a.contentHash().equals(waiting.contentHash())));
        } finally {
            update.uninstall();
            policy("off");
        }
        await("everything serves with approval off", seconds(30),
                () -> get("/careleaf/api/modules/mpc-overview").status() == 200);
        assertNull("off: nothing about approval is claimed", module("mpc-overview", "en").get("approval"));
    }

    private ModuleState state(String id) {
        return admin.modules().stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow().state();
    }

    private static List<String> ids(Answer a) {
        assertEquals(a.body(), 200, a.status());
        JsonArray modules = JsonParser.parseString(a.body()).getAsJsonObject().getAsJsonArray("modules");
        return java.util.stream.StreamSupport.stream(modules.spliterator(), false)
                .map(m -> m.getAsJsonObject().get("id").getAsString()).collect(Collectors.toList());
    }
}
