package org.careleaf.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.careleaf.model.EducationCatalog;
import org.careleaf.model.ModuleView;
import org.careleaf.model.Problem;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Content bundles updated at runtime: a broken update is refused and the last good version keeps
 * serving (also after the catalog restarts), a valid update is served, and an id clash follows the
 * documented rule. Each test puts the shipped content back.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HotSwapIT extends CareleafTestSupport {

    private static final String OVERVIEW = "org.careleaf.content.mpc.overview";
    private static final String FILE = "content/mpc-overview.json";

    @Configuration
    public Option[] config() {
        return careleafKaraf();
    }

    private String shipped;

    /** Everything the shipped overview bundle holds (its document and its figures), by path. */
    private java.util.Map<String, String> shippedFiles;

    private String shippedVersion;

    @Before
    public void rememberShippedOverview() {
        shippedFiles = entries(bundle(OVERVIEW), "content");
        shipped = shippedFiles.get(FILE.substring("content/".length()));
        shippedVersion = JsonParser.parseString(shipped).getAsJsonObject().get("version").getAsString();
    }

    private String shipped() {
        return shipped;
    }

    /** The overview bundle with this document in place of the shipped one, and the shipped figures beside it. */
    private java.io.InputStream overview(String version, String json) {
        java.util.Map<String, String> files = new java.util.TreeMap<>(shippedFiles);
        files.put("mpc-overview.json", json);
        return dataBundle(OVERVIEW, version, "Careleaf-Content", "content", files);
    }

    @After
    public void restoreShippedOverview() throws Exception {
        Bundle b = bundle(OVERVIEW);
        if (b != null) {
            b.update(overview("1.0.0", shipped));
        }
        Bundle clash = bundle("org.careleaf.test.clash");
        if (clash != null) {
            clash.uninstall();
        }
    }

    private EducationCatalog currentCatalog() throws InterruptedException {
        ServiceTracker<EducationCatalog, EducationCatalog> t = new ServiceTracker<>(context, EducationCatalog.class, null);
        t.open();
        try {
            EducationCatalog c = t.waitForService(30_000);
            assertNotNull("the catalog service is back", c);
            return c;
        } finally {
            t.close();
        }
    }

    @Test
    public void brokenUpdateIsRefusedAndTheLastGoodVersionKeepsServing() throws Exception {
        String title = catalog.view("en").module("mpc-overview").orElseThrow().content().title();
        String broken = shipped().replaceFirst("\"sections\"", "\"sections\" \"oops\"");
        bundle(OVERVIEW).update(overview("1.0.1", broken));

        ModuleView served = catalog.view("en").module("mpc-overview").orElseThrow();
        assertEquals(shippedVersion, served.content().version());
        assertEquals(title, served.content().title());
        Problem p = catalog.view(null).problems().stream().filter(x -> "mpc-overview".equals(x.moduleId())).findFirst().orElseThrow();
        assertEquals(FILE, p.file());
        assertTrue(p.describe(), p.bundle().startsWith(OVERVIEW + "/1.0.1"));
        assertTrue(p.describe(), p.message().contains("JSON syntax error"));
        assertTrue(p.describe(), p.message().contains("serving the last good version " + shippedVersion));
        assertTrue(p.path(), p.path().startsWith("line "));

        Answer a = get("/careleaf/api/modules/mpc-overview");
        assertEquals(200, a.status());
        assertEquals(title, a.json().getAsJsonObject().get("title").getAsString());
        Answer health = get("/careleaf/health");
        assertEquals(200, health.status());
        JsonObject h = health.json().getAsJsonObject();
        assertEquals("degraded", h.get("status").getAsString());
        assertTrue(h.getAsJsonArray("problems").toString().contains(FILE));
        assertEquals("other modules are untouched", 200, get("/careleaf/api/modules/mpc-outlook").status());

        JsonObject newer = JsonParser.parseString(shipped()).getAsJsonObject();
        newer.addProperty("version", "9.1.0");
        newer.addProperty("title", "Metastatic prostate cancer: the basics");
        bundle(OVERVIEW).update(overview("1.1.0", newer.toString()));
        Answer updated = get("/careleaf/api/modules/mpc-overview");
        assertEquals("9.1.0", updated.json().getAsJsonObject().get("version").getAsString());
        assertEquals("Metastatic prostate cancer: the basics", updated.json().getAsJsonObject().get("title").getAsString());
        assertTrue(catalog.view(null).problems().isEmpty());
        // a valid update clears the refusal: health names no problem
        Answer afterValid = get("/careleaf/health");
        assertEquals(afterValid.body(), 0, afterValid.json().getAsJsonObject().getAsJsonArray("problems").size());
        assertHealthy(afterValid);
    }

    @Test
    public void invalidFieldIsRefusedWithItsPath() throws Exception {
        JsonObject bad = JsonParser.parseString(shipped()).getAsJsonObject();
        bad.getAsJsonArray("sources").get(0).getAsJsonObject().addProperty("url", "not a url");
        bundle(OVERVIEW).update(overview("1.0.2", bad.toString()));
        Problem p = catalog.view(null).problems().stream().filter(x -> "mpc-overview".equals(x.moduleId())).findFirst().orElseThrow();
        assertEquals("$.sources[0].url", p.path());
        assertEquals(200, get("/careleaf/api/modules/mpc-overview").status());
    }

    @Test
    public void lastGoodVersionSurvivesARestartOfTheCatalog() throws Exception {
        bundle(OVERVIEW).update(overview("1.0.3", "{ \"schemaVersion\": 1, "));
        Bundle catalogBundle = bundle("org.careleaf.catalog");
        catalogBundle.stop();
        catalogBundle.start();
        EducationCatalog restarted = currentCatalog();
        // a restarted catalog reads the data bundles again and says it is not ready until it has
        await("the restarted catalog is ready", seconds(60), () -> restarted.view(null).readiness().ready());
        assertEquals(shippedVersion, restarted.view("en").module("mpc-overview").orElseThrow().content().version());
        assertFalse(restarted.view(null).problems().isEmpty());
        await("the REST API serves the kept version", seconds(30),
                () -> get("/careleaf/api/modules/mpc-overview").status() == 200);
    }

    @Test
    public void idClashHighestVersionWinsAndTheLoserIsReported() throws Exception {
        String outlook = entry(bundle("org.careleaf.content.mpc.outlook"), "content/mpc-outlook.json");
        String shippedVersion = catalog.view("en").module("mpc-outlook").orElseThrow().content().version();
        JsonObject newer = JsonParser.parseString(outlook).getAsJsonObject();
        newer.addProperty("version", "9.0.0");
        newer.addProperty("title", "Outlook, second edition");
        Bundle clash = context.installBundle("test:clash", dataBundle("org.careleaf.test.clash", "1.0.0",
                "Careleaf-Content", "content", "mpc-outlook.json", newer.toString()));
        clash.start();

        assertEquals("9.0.0", catalog.view("en").module("mpc-outlook").orElseThrow().content().version());
        Problem p = catalog.view(null).problems().stream().filter(x -> x.message().contains("module id clash")).findFirst()
                .orElseThrow();
        assertTrue(p.describe(), p.bundle().startsWith("org.careleaf.content.mpc.outlook/"));
        assertEquals("Outlook, second edition",
                get("/careleaf/api/modules/mpc-outlook").json().getAsJsonObject().get("title").getAsString());

        clash.uninstall();
        assertEquals(shippedVersion, catalog.view("en").module("mpc-outlook").orElseThrow().content().version());
        assertTrue(catalog.view(null).problems().isEmpty());
    }

    @Test
    public void reinstallingAContentFeatureRestartsNothingElse() throws Exception {
        org.apache.karaf.features.FeaturesService features = context.getService(
                context.getServiceReference(org.apache.karaf.features.FeaturesService.class));
        Object catalogService = context.getServiceReference(EducationCatalog.class).getProperty("service.id");
        Object apiServlet = context.getServiceReferences(javax.servlet.Servlet.class,
                "(osgi.http.whiteboard.servlet.name=careleaf-api)").iterator().next().getProperty("service.id");
        long webModified = bundle("org.careleaf.web").getLastModified();

        features.uninstallFeature("careleaf-mpc");
        assertTrue(catalog.view("en").modules().isEmpty());
        assertEquals(404, get("/careleaf/api/modules/mpc-outlook").status());
        assertEquals("no module: down", 503, get("/careleaf/health").status());
        features.installFeature("careleaf-mpc");
        assertEquals(9, catalog.view("en").modules().size());
        assertEquals(200, get("/careleaf/api/modules/mpc-outlook").status());
        assertEquals(200, get("/careleaf/health").status());

        assertEquals("the catalog service was never replaced", catalogService,
                context.getServiceReference(EducationCatalog.class).getProperty("service.id"));
        assertEquals("the web layer was never restarted", apiServlet, context.getServiceReferences(
                javax.servlet.Servlet.class, "(osgi.http.whiteboard.servlet.name=careleaf-api)").iterator().next()
                .getProperty("service.id"));
        assertEquals(webModified, bundle("org.careleaf.web").getLastModified());
    }

    @Test
    public void unchangedAnswersAre304() {
        Answer first = get("/careleaf/api/modules/mpc-overview?lang=fr");
        String etag = first.header("ETag");
        assertNotNull(etag);
        Answer again = get("/careleaf/api/modules/mpc-overview?lang=fr", "If-None-Match", etag);
        assertEquals(304, again.status());
        assertEquals("", again.body());
    }

    @Test
    public void changesAreAnnouncedOnEventAdmin() throws Exception {
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(EventConstants.EVENT_TOPIC, EducationCatalog.TOPIC_PREFIX + "*");
        ServiceRegistration<EventHandler> reg = context.registerService(EventHandler.class, events::add, props);
        try {
            bundle(OVERVIEW).update(overview("1.0.4", "[]"));
            Event refused = awaitEvent(events, EducationCatalog.TOPIC_PREFIX + "MODULE_REFUSED");
            assertEquals("mpc-overview", refused.getProperty("module"));
        } finally {
            reg.unregister();
        }
    }
}
