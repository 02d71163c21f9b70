package org.careleaf.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.careleaf.model.EducationModule;
import org.careleaf.model.ModuleDocument;
import org.careleaf.model.ModuleView;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceRegistration;

/** The path from a content bundle to an HTTP client, and a content bundle coming and going at runtime. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WalkingSkeletonIT extends CareleafTestSupport {

    private static final String OVERVIEW_BSN = "org.careleaf.content.mpc.overview";

    @Configuration
    public Option[] config() {
        return careleafKaraf();
    }

    @Test
    public void catalogServesTheOverviewFromItsContentBundle() {
        ModuleView overview = catalog.view("en").module("mpc-overview").orElseThrow();
        assertEquals("en", overview.locale());
        assertFalse(overview.content().sections().isEmpty());
        assertEquals(9, catalog.view("en").modules().size());

        Answer list = get("/careleaf/api/modules");
        assertEquals(200, list.status());
        JsonArray modules = list.json().getAsJsonObject().getAsJsonArray("modules");
        assertEquals(9, modules.size());
        assertEquals("mpc-overview", modules.get(0).getAsJsonObject().get("id").getAsString());

        Answer one = get("/careleaf/api/modules/mpc-overview");
        assertEquals(200, one.status());
        JsonObject m = one.json().getAsJsonObject();
        assertEquals(overview.content().title(), m.get("title").getAsString());
        assertEquals("not-clinically-reviewed", m.getAsJsonObject("review").get("status").getAsString());
        assertTrue(m.getAsJsonArray("sources").size() >= 3);
        assertEquals("en", one.header("Content-Language"));
        assertNotNull(one.header("ETag"));
    }

    @Test
    public void unknownModuleIsA404JsonError() {
        Answer a = get("/careleaf/api/modules/no-such-module");
        assertEquals(404, a.status());
        assertEquals("unknown-module", a.json().getAsJsonObject().getAsJsonObject("error").get("code").getAsString());
        Answer bad = get("/careleaf/api/modules/NOT%20AN%20ID");
        assertEquals(400, bad.status());
        assertTrue(bad.body().contains("bad-module-id"));
    }

    @Test
    public void uninstalledContentBundleTakesItsModuleAlongAndComesBack() throws Exception {
        Bundle overview = bundle(OVERVIEW_BSN);
        assertNotNull("the overview content bundle is installed", overview);
        String location = overview.getLocation();
        assertNotNull(context.getServiceReferences(EducationModule.class, "(careleaf.module.id=mpc-overview)")
                .stream().findFirst().orElse(null));

        overview.uninstall();
        assertTrue(context.getServiceReferences(EducationModule.class, "(careleaf.module.id=mpc-overview)").isEmpty());
        assertTrue(catalog.view("en").module("mpc-overview").isEmpty());
        assertEquals(404, get("/careleaf/api/modules/mpc-overview").status());
        assertEquals(8, get("/careleaf/api/modules").json().getAsJsonObject().getAsJsonArray("modules").size());
        assertEquals("other modules are untouched", 200, get("/careleaf/api/modules/mpc-outlook").status());

        Bundle again = context.installBundle(location);
        again.start();
        assertEquals(1, context.getServiceReferences(EducationModule.class, "(careleaf.module.id=mpc-overview)").size());
        assertEquals(200, get("/careleaf/api/modules/mpc-overview").status());
        assertEquals(9, get("/careleaf/api/modules").json().getAsJsonObject().getAsJsonArray("modules").size());
        assertNull("no problem was reported", catalog.view(null).problems().stream().findFirst().orElse(null));
    }

    /** The extender hands data bundles' documents to the catalog itself; a host's own module service still counts. */
    @Test
    public void aModuleAHostRegistersAsAServiceIsServedWhileTheServiceIs() {
        ModuleDocument o = catalog.view(null).module("mpc-overview").orElseThrow().content();
        ModuleDocument own = new ModuleDocument(o.schemaVersion(), "host-welcome", "1.0.0", o.locale(), o.pack(),
                "Welcome to the clinic", o.summary(), o.category(), 99, o.audience(), o.codes(), o.subtopics(),
                o.keyPoints(), o.review(), o.sources(), o.sections());
        ServiceRegistration<EducationModule> reg = context.registerService(EducationModule.class, () -> own, null);
        try {
            Answer one = get("/careleaf/api/modules/host-welcome");
            assertEquals(200, one.status());
            assertEquals("Welcome to the clinic", one.json().getAsJsonObject().get("title").getAsString());
            assertEquals(10, get("/careleaf/api/modules").json().getAsJsonObject().getAsJsonArray("modules").size());
        } finally {
            reg.unregister();
        }
        assertEquals(404, get("/careleaf/api/modules/host-welcome").status());
        assertEquals(9, get("/careleaf/api/modules").json().getAsJsonObject().getAsJsonArray("modules").size());
    }

    /**
     * Other Careleaf bundles (CDS Hooks, FHIR) register into the context named careleaf, and a HIS that
     * gathers Felix health checks finds Careleaf's under the tag careleaf.
     */
    @Test
    public void theContextAndTheHealthCheckAreThereForOthers() throws Exception {
        assertEquals(1, context.getServiceReferences(org.osgi.service.http.context.ServletContextHelper.class,
                "(&(osgi.http.whiteboard.context.name=careleaf)(osgi.http.whiteboard.context.path=/careleaf))").size());
        // every Careleaf check carries the tag careleaf (the catalog's, and CDS Hooks' trust check when it is installed)
        assertTrue(context.getServiceReferences(org.apache.felix.hc.api.HealthCheck.class, "(hc.tags=careleaf)").size() >= 1);
        var checks = context.getServiceReferences(org.apache.felix.hc.api.HealthCheck.class,
                "(&(hc.tags=careleaf)(hc.name=Careleaf catalog))");
        assertEquals(1, checks.size());
        assertEquals(org.apache.felix.hc.api.Result.Status.OK, context.getService(checks.iterator().next()).execute().getStatus());
        Answer health = get("/careleaf/health");
        assertEquals(200, health.status());
        assertHealthy(health);
        // the search bundle (feature careleaf-search, booted by the assembly) answers in the same context
        assertEquals("search is installed", 200, get("/careleaf/api/search?q=bone").status());
        assertEquals(404, get("/careleaf/figures/mpc-overview/figures/none.svg").status());
        assertNotNull(get("/careleaf/api/modules").header("Content-Security-Policy"));
    }
}
