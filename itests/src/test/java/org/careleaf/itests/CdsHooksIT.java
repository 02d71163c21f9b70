package org.careleaf.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.UUID;

import javax.inject.Inject;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.careleaf.admin.Actor;
import org.careleaf.admin.CatalogAdmin;
import org.careleaf.admin.CdsFeedback;
import org.careleaf.model.Code;
import org.careleaf.model.ModuleView;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.http.context.ServletContextHelper;

/**
 * CDS Hooks over HTTP in the assembly's Karaf: discovery, the three hooks, the feedback endpoint, and
 * trusted clients registered through Config Admin with keys made in the test. The assembly ships in
 * loopback development mode; the signed-call tests switch it to signed-only and back.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CdsHooksIT extends CareleafTestSupport {

    private static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
    private static final String ATC = "http://www.whocc.no/atc";
    private static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    private static final String ISSUER = "https://ehr.itest.example/";
    private static final String SERVICES = "/careleaf/cds-services";
    private static final String SELECT = SERVICES + "/careleaf-order-select-education";
    private static final String PATIENT_VIEW = SERVICES + "/careleaf-patient-education";

    @Inject
    protected CatalogAdmin admin;

    @Inject
    protected ConfigurationAdmin configAdmin;

    @Inject
    protected CdsFeedback feedback;

    private ServiceRegistration<ServletContextHelper> ownContext;
    private final List<org.osgi.service.cm.Configuration> clients = new ArrayList<>();

    @Configuration
    public Option[] config() {
        return careleafKaraf();
    }

    /**
     * The servlet joins the Careleaf HTTP context ({@code osgi.http.whiteboard.context.name=careleaf}, at
     * {@code /careleaf}), which the web bundle provides; where it does not yet, the test provides one.
     */
    @Before
    public void careleafContext() throws Exception {
        if (context.getServiceReferences(ServletContextHelper.class, "(osgi.http.whiteboard.context.name=careleaf)")
                .isEmpty()) {
            Dictionary<String, Object> p = new Hashtable<>();
            p.put("osgi.http.whiteboard.context.name", "careleaf");
            p.put("osgi.http.whiteboard.context.path", "/careleaf");
            ownContext = context.registerService(ServletContextHelper.class,
                    new ServletContextHelper(context.getBundle()) { }, p);
        }
        await("the CDS Hooks discovery endpoint answers", seconds(30), () -> get(SERVICES).status() == 200);
    }

    @After
    public void cleanUp() throws Exception {
        for (var c : clients) {
            c.delete();
        }
        setSignedOnly(false);
        if (ownContext != null) {
            ownContext.unregister();
        }
        enableEverything(admin);
    }

    // ---- requests as EHRs send them

    private static String condition(String system, String code) {
        return "{\"resource\":{\"resourceType\":\"Condition\",\"subject\":{\"reference\":\"Patient/1288992\"},"
                + "\"code\":{\"coding\":[{\"system\":\"" + system + "\",\"code\":\"" + code + "\"}]}}}";
    }

    private static String patientView(String conditions) {
        return "{\"hook\":\"patient-view\",\"hookInstance\":\"" + UUID.randomUUID() + "\","
                + "\"context\":{\"userId\":\"Practitioner/1\",\"patientId\":\"1288992\"},\"prefetch\":{"
                + "\"conditions\":{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[" + conditions + "]}}}";
    }

    private static String orderSelect(String system, String code, String patientLanguage) {
        return "{\"hook\":\"order-select\",\"hookInstance\":\"" + UUID.randomUUID() + "\","
                + "\"context\":{\"userId\":\"Practitioner/1\",\"patientId\":\"1288992\","
                + "\"selections\":[\"MedicationRequest/o1\"],\"draftOrders\":{\"resourceType\":\"Bundle\","
                + "\"type\":\"collection\",\"entry\":[{\"resource\":{\"resourceType\":\"MedicationRequest\","
                + "\"id\":\"o1\",\"status\":\"draft\",\"intent\":\"order\",\"subject\":{\"reference\":\"Patient/1288992\"},"
                + "\"medicationCodeableConcept\":{\"coding\":[{\"system\":\"" + system + "\",\"code\":\"" + code
                + "\"}]}}}]}},\"prefetch\":{\"patient\":{\"resourceType\":\"Patient\",\"id\":\"1288992\","
                + "\"communication\":[{\"language\":{\"coding\":[{\"system\":\"urn:ietf:bcp:47\",\"code\":\""
                + patientLanguage + "\"}]},\"preferred\":true}]}}}";
    }

    private Answer post(String path, String body, String... headers) {
        return request("POST", path, "application/json", body, headers);
    }

    private static List<String> urls(Answer a) {
        List<String> urls = new ArrayList<>();
        for (JsonElement c : a.json().getAsJsonObject().getAsJsonArray("cards")) {
            urls.add(c.getAsJsonObject().getAsJsonArray("links").get(0).getAsJsonObject().get("url").getAsString());
        }
        return urls;
    }

    /** The viewer links the catalog itself gives for these codes: what the cards must point to. */
    private List<String> expected(String lang, Code... codes) {
        List<String> out = new ArrayList<>();
        for (ModuleView v : catalog.view(lang).modulesFor(List.of(codes), List.of()).modules()) {
            out.add(base() + "/careleaf/modules/" + v.id() + "?lang=" + v.requested());
        }
        return out.subList(0, Math.min(10, out.size()));
    }

    // ---- signing, as a CDS client does

    private ECKey trustClient() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_384).keyID("itest-" + UUID.randomUUID()).generate();
        org.osgi.service.cm.Configuration c = configAdmin.getFactoryConfiguration("org.careleaf.cdshooks.client",
                "itest-" + clients.size(), "?");
        Dictionary<String, Object> p = new Hashtable<>();
        p.put("issuer", ISSUER);
        p.put("jwks", new JWKSet(key).toPublicJWKSet().toString());
        c.update(p);
        clients.add(c);
        // Config Admin and DS bind the new client asynchronously; discovery verifies a token that is sent
        await("the new client is trusted", seconds(30), () -> {
            try {
                return get(SERVICES, "Authorization", bearer(key, SERVICES)).status() == 200;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return key;
    }

    private static String bearer(ECKey key, String path) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience(base() + path)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .jwtID(UUID.randomUUID().toString()).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES384).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new ECDSASigner(key));
        return "Bearer " + jwt.serialize();
    }

    private void setSignedOnly(boolean signedOnly) throws Exception {
        org.osgi.service.cm.Configuration c = configAdmin.getConfiguration("org.careleaf.cdshooks", "?");
        Dictionary<String, Object> p = c.getProperties() == null ? new Hashtable<>() : c.getProperties();
        if (Boolean.valueOf(String.valueOf(p.get("requireSignedRequests"))) == signedOnly) {
            return;
        }
        p.put("requireSignedRequests", signedOnly);
        c.update(p);
        int expected = signedOnly ? 401 : 200;
        boolean applied = eventually(seconds(30), () -> {
            // if Config Admin holds another value than the one just set (Karaf's file watcher applying the
            // file's earlier copy would do that), the change is made again, and the test says so
            Dictionary<String, Object> now = c.getProperties();
            if (now == null || !String.valueOf(signedOnly).equals(String.valueOf(now.get("requireSignedRequests")))) {
                System.out.println("CDS trust: requireSignedRequests was " + (now == null ? null
                        : now.get("requireSignedRequests")) + "; set to " + signedOnly + " again");
                p.put("requireSignedRequests", signedOnly);
                try {
                    c.update(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return false;
            }
            // Karaf's watcher writes the file after Config Admin; until it has, a scan of the file can take the
            // older value back into Config Admin, after the answer below already said the change was applied
            return trustFileSays(signedOnly)
                    && post(PATIENT_VIEW, patientView(condition(ICD10CM, "C61"))).status() == expected;
        });
        if (!applied) {
            throw new AssertionError("timed out after 30 s waiting for unsigned calls answered " + expected
                    + "; Config Admin holds " + c.getProperties() + "; the trust health check says " + health());
        }
    }

    /** Whether etc/org.careleaf.cdshooks.cfg says so (always, where Karaf does not write configuration back). */
    private boolean trustFileSays(boolean signedOnly) {
        if ("false".equals(context.getProperty("felix.fileinstall.enableConfigSave"))) {
            return true;
        }
        try {
            return Files.readAllLines(Path.of(System.getProperty("karaf.etc"), "org.careleaf.cdshooks.cfg")).stream()
                    .filter(l -> l.trim().startsWith("requireSignedRequests"))
                    .anyMatch(l -> l.contains(String.valueOf(signedOnly)));
        } catch (IOException e) {
            return false;
        }
    }

    private Result health() throws Exception {
        for (ServiceReference<HealthCheck> r : context.getServiceReferences(HealthCheck.class, null)) {
            Object tags = r.getProperty(HealthCheck.TAGS);
            if (tags instanceof String[] t && List.of(t).contains("careleaf")
                    && "Careleaf CDS Hooks trust".equals(r.getProperty(HealthCheck.NAME))) {
                return context.getService(r).execute();
            }
        }
        throw new AssertionError("no CDS Hooks health check tagged careleaf");
    }

    // ---- the tests

    @Test
    public void discoveryListsOneServicePerHook() {
        Answer discovery = get(SERVICES);
        assertEquals(200, discovery.status());
        JsonArray services = discovery.json().getAsJsonObject().getAsJsonArray("services");
        List<String> hooks = new ArrayList<>();
        services.forEach(s -> hooks.add(s.getAsJsonObject().get("hook").getAsString()));
        assertEquals(List.of("patient-view", "order-select", "order-sign"), hooks);
    }

    @Test
    public void theShippedAssemblyAcceptsUnsignedCallsOnLoopbackAndSaysSo() throws Exception {
        Answer cards = post(PATIENT_VIEW, patientView(condition("http://snomed.info/sct", "427492003")),
                "Accept-Language", "fr");
        assertEquals(cards.body() + "; the trust health check says " + health(), 200, cards.status());
        assertEquals(expected("fr", new Code("http://snomed.info/sct", "427492003", null)), urls(cards));
        Result health = health();
        assertEquals(Result.Status.WARN, health.getStatus());
        assertTrue(health.toString(), health.toString().contains(
                "accepting unsigned CDS Hooks calls (loopback development mode)"));
        assertEquals("a bad token is refused even here", 401,
                post(PATIENT_VIEW, patientView(condition(ICD10CM, "C61")), "Authorization", "Bearer x.y.z").status());
    }

    @Test
    public void orderingAMedicineGivesTheModuleThatNamesItInThePatientsLanguage() {
        Answer cards = post(SELECT, orderSelect(ATC, "L01CD02", "es"), "Accept-Language", "en");
        assertEquals(cards.body(), 200, cards.status());
        assertEquals(expected("es", new Code(ATC, "L01CD02", null)), urls(cards));
        assertTrue(urls(cards).toString(), urls(cards).stream().anyMatch(
                u -> u.endsWith("/careleaf/modules/mpc-chemotherapy?lang=es")));
        JsonObject card = cards.json().getAsJsonObject().getAsJsonArray("cards").get(0).getAsJsonObject();
        JsonObject resource = card.getAsJsonArray("suggestions").get(0).getAsJsonObject().getAsJsonArray("actions")
                .get(0).getAsJsonObject().getAsJsonObject("resource");
        assertEquals("CommunicationRequest", resource.get("resourceType").getAsString());
        assertEquals("draft", resource.get("status").getAsString());
        if (ownContext == null) { // the viewer lives in the careleaf context, which the test's own context would hide
            assertEquals("the link opens the viewer", 200, get(urls(cards).get(0).substring(base().length())).status());
        }
        // RxNorm codes select modules exactly as the catalog says (the modules carry them)
        assertEquals(expected("es", new Code(RXNORM, "72962", null)), urls(post(SELECT, orderSelect(RXNORM, "72962", "es"))));
    }

    @Test
    public void signedOnlyRefusesUnsignedCallsAndAcceptsATrustedClientsToken() throws Exception {
        ECKey key = trustClient();
        setSignedOnly(true);
        Answer unsigned = post(SELECT, orderSelect(ATC, "L01CD02", "en"));
        assertEquals(401, unsigned.status());
        assertTrue(unsigned.body(), unsigned.body().contains("missing-token"));
        assertTrue(health().toString(), !health().toString().contains("accepting unsigned"));

        String token = bearer(key, SELECT);
        Answer signed = post(SELECT, orderSelect(ATC, "L01CD02", "en"), "Authorization", token);
        assertEquals(signed.body(), 200, signed.status());
        Answer replay = post(SELECT, orderSelect(ATC, "L01CD02", "en"), "Authorization", token);
        assertEquals(401, replay.status());
        assertTrue(replay.body(), replay.body().contains("replayed"));
        Answer wrongAudience = post(SELECT, orderSelect(ATC, "L01CD02", "en"), "Authorization",
                bearer(key, PATIENT_VIEW));
        assertTrue(wrongAudience.body(), wrongAudience.body().contains("wrong-audience"));
        ECKey stranger = new ECKeyGenerator(Curve.P_384).keyID(key.getKeyID()).generate();
        Answer wrongKey = post(SELECT, orderSelect(ATC, "L01CD02", "en"), "Authorization", bearer(stranger, SELECT));
        assertTrue(wrongKey.body(), wrongKey.body().contains("bad-signature"));
    }

    @Test
    public void feedbackIsCountedPerModuleAndShownInTheShell() throws Exception {
        ECKey key = trustClient();
        setSignedOnly(true);
        Answer cards = post(SELECT, orderSelect(ATC, "L01CD02", "en"), "Authorization", bearer(key, SELECT));
        assertEquals(cards.body(), 200, cards.status());
        JsonObject card = cards.json().getAsJsonObject().getAsJsonArray("cards").get(0).getAsJsonObject();
        String moduleUrl = urls(cards).get(0);
        String moduleId = moduleUrl.substring(moduleUrl.indexOf("/modules/") + 9, moduleUrl.indexOf('?'));
        long before = feedback.perModule().stream().filter(f -> f.moduleId().equals(moduleId))
                .mapToLong(f -> f.accepted()).sum();
        String body = "{\"feedback\":[{\"card\":\"" + card.get("uuid").getAsString() + "\",\"outcome\":\"accepted\","
                + "\"acceptedSuggestions\":[{\"id\":\"" + card.getAsJsonArray("suggestions").get(0).getAsJsonObject()
                        .get("uuid").getAsString() + "\"}],\"outcomeTimestamp\":\"2026-12-01T10:00:00Z\"}]}";
        Answer ok = post(SELECT + "/feedback", body, "Authorization", bearer(key, SELECT + "/feedback"));
        assertEquals(ok.body(), 200, ok.status());
        assertEquals(before + 1, feedback.perModule().stream().filter(f -> f.moduleId().equals(moduleId))
                .mapToLong(f -> f.accepted()).sum());
        String shell = shell("careleaf:cds-feedback", "admin", "admin");
        assertTrue(shell, shell.contains(moduleId));
        assertEquals(400, post(SELECT + "/feedback", "{\"feedback\":[]}", "Authorization",
                bearer(key, SELECT + "/feedback")).status());
    }

    @Test
    public void badRequestsAreRefusedWithAReason() {
        Answer badJson = post(PATIENT_VIEW, "{not json");
        assertEquals(400, badJson.status());
        assertTrue(badJson.body().contains("\"code\":\"bad-json\""));
        Answer noPrefetch = post(PATIENT_VIEW,
                "{\"hook\":\"patient-view\",\"hookInstance\":\"1\",\"context\":{\"patientId\":\"1\"}}");
        assertEquals("CDS Hooks asks for 412 when the prefetch a service needs is missing", 412, noPrefetch.status());
        assertTrue(noPrefetch.body().contains("missing-prefetch"));
        assertEquals(404, post(SERVICES + "/other", "{}").status());
        assertEquals(415, request("POST", PATIENT_VIEW, "text/plain", "hello").status());
        Answer missingSelections = post(SELECT, orderSelect(ATC, "L01CD02", "en").replace(
                "\"selections\":[\"MedicationRequest/o1\"],", ""));
        assertEquals(400, missingSelections.status());
        assertTrue(missingSelections.body().contains("missing-selections"));
    }

    @Test
    public void aDisabledModuleGetsNoCard() {
        admin.setEnabled("mpc-outlook", false, new Actor("test", "shell", "CdsHooksIT"));
        Answer cards = post(PATIENT_VIEW, patientView(condition(ICD10CM, "C61")));
        assertEquals(200, cards.status());
        assertTrue(cards.body(), !cards.body().contains("mpc-outlook"));
        assertNotNull(urls(cards).get(0));
    }
}
