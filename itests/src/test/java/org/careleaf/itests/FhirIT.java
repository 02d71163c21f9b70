package org.careleaf.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.http.context.ServletContextHelper;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;

/**
 * The FHIR view in the assembly, over HTTP: HAPI FHIR's bundles resolve and run in Karaf, the servlet
 * registers in the Careleaf HTTP context, and what docs/fhir.md shows works against it.
 *
 * <p>The FHIR servlet selects the whiteboard context named {@code careleaf}. Until the assembly's web bundle
 * provides that context, this test registers a plain one at {@code /careleaf} itself, and only then.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FhirIT extends CareleafTestSupport {

    private static final String FHIR = "/careleaf/fhir";
    private static final String FHIR_JSON = "application/fhir+json;charset=utf-8";

    private ServiceRegistration<ServletContextHelper> ownContext;

    @Configuration
    public Option[] config() {
        return careleafKaraf(systemProperty("careleaf.docs").value(System.getProperty("careleaf.docs")));
    }

    @Before
    public void careleafContext() throws InvalidSyntaxException {
        String filter = "(" + HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_NAME + "=careleaf)";
        if (context.getServiceReferences(ServletContextHelper.class, filter).isEmpty()) {
            Dictionary<String, Object> props = new Hashtable<>();
            props.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_NAME, "careleaf");
            props.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_PATH, "/careleaf");
            ownContext = context.registerService(ServletContextHelper.class, new ServletContextHelper() {
            }, props);
        }
        await("the FHIR view answers", seconds(60), () -> get(FHIR + "/metadata").status() == 200);
    }

    @After
    public void removeOwnContext() {
        if (ownContext != null) {
            ownContext.unregister();
        }
    }

    @Test
    public void metadataIsACapabilityStatementForFhir401() {
        Answer a = get(FHIR + "/metadata");
        assertEquals(FHIR_JSON, a.header("Content-Type"));
        JsonObject cs = a.json().getAsJsonObject();
        assertEquals("CapabilityStatement", cs.get("resourceType").getAsString());
        assertEquals("4.0.1", cs.get("fhirVersion").getAsString());
        assertEquals(base() + FHIR, cs.getAsJsonObject("implementation").get("url").getAsString());
    }

    @Test
    public void everyShippedModuleIsADocumentReferenceInEveryLanguage() {
        JsonObject b = get(FHIR + "/DocumentReference").json().getAsJsonObject();
        assertEquals("searchset", b.get("type").getAsString());
        int languages = catalog.view(null).locales().size();
        assertEquals(9 * languages, b.get("total").getAsInt());
        JsonObject d = b.getAsJsonArray("entry").get(0).getAsJsonObject().getAsJsonObject("resource");
        assertEquals("DocumentReference", d.get("resourceType").getAsString());
        assertFalse("library content has no subject", d.has("subject"));
        String viewer = d.getAsJsonArray("content").get(0).getAsJsonObject().getAsJsonObject("attachment").get("url").getAsString();
        assertTrue(viewer, viewer.startsWith(base() + "/careleaf/modules/"));
    }

    @Test
    public void readAndSearchByCodeAndLanguage() {
        Answer read = get(FHIR + "/DocumentReference/mpc-chemotherapy-es", "Accept", "application/fhir+json");
        assertEquals(read.body(), 200, read.status());
        JsonObject d = read.json().getAsJsonObject();
        assertEquals("es", d.get("language").getAsString());
        assertEquals("preliminary", d.get("docStatus").getAsString());
        Answer byCode = get(FHIR + "/DocumentReference?code=http://hl7.org/fhir/sid/icd-10-cm%7CC79.51&language=de");
        List<String> ids = ids(byCode.json().getAsJsonObject());
        assertEquals(List.of("mpc-overview-de", "mpc-radiation-de", "mpc-bone-health-de"), ids);
    }

    @Test
    public void pagesFollowNextLinksToTheEnd() {
        // the whole library on one page (the largest a client may ask for), then the same in pages of 4
        List<String> all = ids(get(FHIR + "/DocumentReference?_count=500").json().getAsJsonObject());
        List<String> paged = new ArrayList<>();
        String url = base() + FHIR + "/DocumentReference?_count=4";
        for (int pages = 0; url != null && pages <= all.size(); pages++) {
            JsonObject b = get(url.substring(base().length())).json().getAsJsonObject();
            paged.addAll(ids(b));
            url = null;
            for (JsonElement l : b.getAsJsonArray("link")) {
                if (l.getAsJsonObject().get("relation").getAsString().equals("next")) {
                    url = l.getAsJsonObject().get("url").getAsString();
                }
            }
        }
        assertEquals(all, paged);
    }

    @Test
    public void errorsAreOperationOutcomes() {
        assertOutcome(get(FHIR + "/DocumentReference/no-such-module-en"), 404);
        assertOutcome(get(FHIR + "/Patient/1"), 404);
        assertOutcome(get(FHIR + "/DocumentReference?_lastUpdated=xx2026"), 400);
        assertOutcome(get(FHIR + "/metadata", "Accept", "application/fhir+xml"), 406);
        assertOutcome(request("POST", FHIR + "/DocumentReference", "application/fhir+json", "{}"), 405);
    }

    /** Every curl example in docs/fhir.md, against this Karaf; a block expects 200 unless it says otherwise. */
    @Test
    public void everyCurlExampleInTheFhirDocsWorks() throws Exception {
        int blocks = CurlExamples.run(Path.of(System.getProperty("careleaf.docs"), "fhir.md"), base(),
                Files.createTempDirectory("fhir-docs"));
        assertTrue("docs/fhir.md has curl examples", blocks >= 6);
    }

    private static void assertOutcome(Answer a, int status) {
        assertEquals(a.body(), status, a.status());
        assertEquals(FHIR_JSON, a.header("Content-Type"));
        JsonObject o = a.json().getAsJsonObject();
        assertEquals("OperationOutcome", o.get("resourceType").getAsString());
        JsonObject issue = o.getAsJsonArray("issue").get(0).getAsJsonObject();
        assertEquals("error", issue.get("severity").getAsString());
        assertNotNull(issue.get("code"));
        assertFalse(a.body(), a.body().contains("Exception"));
    }

    private static List<String> ids(JsonObject bundle) {
        List<String> ids = new ArrayList<>();
        JsonArray entries = bundle.getAsJsonArray("entry");
        if (entries != null) {
            for (JsonElement e : entries) {
                JsonObject r = e.getAsJsonObject().getAsJsonObject("resource");
                if (r.get("resourceType").getAsString().equals("DocumentReference")) {
                    ids.add(r.get("id").getAsString());
                }
            }
        }
        return ids;
    }
}
