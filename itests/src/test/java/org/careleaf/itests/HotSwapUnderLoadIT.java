package org.careleaf.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.careleaf.model.EducationCatalog;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * Steady HTTP load on every content surface while content and localisation bundles are updated (valid
 * and broken), stopped, started, uninstalled and reinstalled: every answer is complete and well-formed and
 * is the old or the new version (its version field agrees with its body, and one ETag always names one
 * body); no 5xx, no truncated body, no 404 for a module that was never removed; no platform bundle or
 * service is restarted. Prints what it did and how long each change took to be served.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HotSwapUnderLoadIT extends CareleafTestSupport {

    private static final int CLIENTS = 4;
    private static final long LOAD_SECONDS = 35;
    private static final int MIN_SWAPS = 50;
    private static final String CONTENT_BSN = "org.careleaf.test.swap";
    private static final String L10N_BSN = "org.careleaf.test.swap.es";
    private static final String MODULE = "swap-topic";
    private static final List<String> SHIPPED = List.of("mpc-overview", "mpc-outlook", "mpc-hormone-therapy",
            "mpc-chemotherapy", "mpc-radiation", "mpc-bone-health", "mpc-targeted-immunotherapy", "mpc-living-well",
            "mpc-clinical-trials");

    @Configuration
    public Option[] config() {
        return careleafKaraf();
    }

    /** When the swap module was deliberately absent (stopped or uninstalled), as [from, to] nanoTime pairs. */
    private final List<long[]> absent = new CopyOnWriteArrayList<>();
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> bodyByEtag = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();
    /** Bundle operations after which the framework left the bundle not started (see {@link #active}). */
    private int leftStopped;
    private volatile boolean running = true;

    private String englishV(String version) {
        JsonObject m = JsonParser.parseString(entry(bundle("org.careleaf.content.mpc.outlook"), "content/mpc-outlook.json"))
                .getAsJsonObject();
        m.addProperty("id", MODULE);
        m.addProperty("version", version);
        m.addProperty("order", 95);
        if (!version.equals("1.0.0")) {
            m.addProperty("title", "Swap topic, version " + version);
        }
        return m.toString();
    }

    private String spanish(String note) {
        JsonObject t = JsonParser.parseString(entry(bundle("org.careleaf.l10n.es"), "l10n/mpc-outlook.es.json"))
                .getAsJsonObject();
        t.addProperty("module", MODULE);
        t.addProperty("note", note);
        return t.toString();
    }

    @Test
    public void everyAnswerIsCompleteAndOldOrNewWhileContentSwaps() throws Exception {
        Map<String, Object> platformBefore = platform();
        Bundle content = context.installBundle("test:swap", dataBundle(CONTENT_BSN, "1.0.0", "Careleaf-Content", "content",
                MODULE + ".json", englishV("1.0.0")));
        content.start();
        Bundle l10n = context.installBundle("test:swap-es", dataBundle(L10N_BSN, "1.0.0", "Careleaf-Localisation", "l10n",
                MODULE + ".es.json", spanish("Traducción automática de prueba.")));
        l10n.start();
        await("the swap module is served", seconds(30), () -> catalog.view("en").module(MODULE).isPresent());
        boolean cdsHooks = get("/careleaf/cds-services").status() == 200;

        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            long seed = 42 + i;
            clients.add(pool.submit(() -> load(new Random(seed), cdsHooks)));
        }
        List<Long> latencies = new ArrayList<>();
        int swaps = 0;
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(LOAD_SECONDS);
        Random r = new Random(7);
        try {
            while (System.nanoTime() < end || swaps < MIN_SWAPS) {
                content = retrying(swaps++, content, l10n, latencies, r);
            }
        } finally {
            running = false;
            pool.shutdown();
            pool.awaitTermination(60, TimeUnit.SECONDS);
        }
        for (Future<?> f : clients) {
            f.get();
        }
        content.uninstall();
        l10n.uninstall();

        Collections.sort(latencies);
        System.out.printf("HOT SWAP UNDER LOAD: %d requests by %d clients in %d s, %d swaps, %d errors; change to "
                + "served: median %.1f ms, max %.1f ms (%d valid updates); %d updates left the bundle stopped and it was "
                + "started again%n", requests.get(), CLIENTS, LOAD_SECONDS, swaps,
                errors.size(), latencies.get(latencies.size() / 2) / 1e6, latencies.get(latencies.size() - 1) / 1e6,
                latencies.size(), leftStopped);
        assertTrue("every answer was complete and consistent; first errors: "
                + errors.subList(0, Math.min(20, errors.size())), errors.isEmpty());
        assertTrue("swaps done: " + swaps, swaps >= MIN_SWAPS);
        assertEquals("no platform bundle or service was restarted or refreshed", platformBefore, platform());
        Path log = Path.of(System.getProperty("karaf.data"), "log", "karaf.log");
        if (Files.exists(log)) {
            assertTrue("no container was destroyed", !Files.readString(log).contains("Destroy container"));
        }
    }

    /**
     * The framework may refuse a bundle operation for a moment while another thread holds its global resolve
     * lock ("Unable to acquire global lock"); it asks the caller to try again, so the test does.
     */
    private Bundle retrying(int n, Bundle content, Bundle l10n, List<Long> latencies, Random r) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return swap(n, content, l10n, latencies, r);
            } catch (org.osgi.framework.BundleException e) {
                if (attempt == 5 || e.getMessage() == null || !e.getMessage().contains("global lock")) {
                    throw e;
                }
            }
        }
    }

    private interface BundleOperation {
        void run() throws org.osgi.framework.BundleException;
    }

    /**
     * Runs an operation on a bundle and sees that the bundle is active afterwards. Here Felix left a bundle
     * it updated stopped a few times per thousand updates (INSTALLED or RESOLVED, with neither an exception
     * nor a framework event), most often on the first updates after a reinstall. An administrator (or Karaf's
     * deployer, which retries starting what it deployed) starts it again, and so does this test, counting how
     * often it happened; Careleaf serves the bundle's last documents meanwhile, for the restart grace.
     */
    private void active(Bundle b, BundleOperation operation) throws Exception {
        operation.run();
        if (b.getState() != Bundle.ACTIVE) {
            leftStopped++;
            b.start();
        }
    }

    /** One change of the swap module's bundles; returns the content bundle (a new one after a reinstall). */
    private Bundle swap(int n, Bundle content, Bundle l10n, List<Long> latencies, Random r) throws Exception {
        Bundle current = content;
        switch (n % 8) {
            case 0, 4 -> { // a valid update: the new version is served soon after
                String version = "2.0." + n;
                long t0 = System.nanoTime();
                active(current, () -> current.update(dataBundle(CONTENT_BSN, "1.0." + n, "Careleaf-Content", "content",
                        MODULE + ".json", englishV(version))));
                await("version " + version + " served", seconds(30), () -> catalog.view("en").module(MODULE)
                        .map(m -> m.version().equals(version)).orElse(false));
                latencies.add(System.nanoTime() - t0);
            }
            case 1 -> { // a broken update: refused, the last good version keeps serving
                String before = catalog.view("en").module(MODULE).orElseThrow().version();
                active(current, () -> current.update(dataBundle(CONTENT_BSN, "1.0." + n, "Careleaf-Content", "content",
                        MODULE + ".json", englishV("9.9.9").replace("\"summary\":", "\"summary\":42,\"x\":"))));
                assertEquals(before, catalog.view("en").module(MODULE).orElseThrow().version());
            }
            case 2 -> { // the translation is updated, then broken, then fixed
                active(l10n, () -> l10n.update(dataBundle(L10N_BSN, "1.0." + n, "Careleaf-Localisation", "l10n",
                        MODULE + ".es.json", spanish("Nota " + n + "."))));
                active(l10n, () -> l10n.update(dataBundle(L10N_BSN, "1.0." + n, "Careleaf-Localisation", "l10n",
                        MODULE + ".es.json", "{\"schemaVersion\": 1, \"module\": \"" + MODULE + "\"")));
                active(l10n, () -> l10n.update(dataBundle(L10N_BSN, "1.0." + n, "Careleaf-Localisation", "l10n",
                        MODULE + ".es.json", spanish("Nota " + n + ", de nuevo."))));
            }
            case 3 -> { // the content bundle is stopped and started: the module is away in between
                long[] away = {System.nanoTime(), Long.MAX_VALUE};
                absent.add(away);
                content.stop();
                content.start();
                await("back after a restart", seconds(30), () -> catalog.view("en").module(MODULE).isPresent());
                away[1] = System.nanoTime();
            }
            case 5 -> { // the translation bundle is stopped and started
                l10n.stop();
                l10n.start();
            }
            case 6 -> { // uninstalled and installed again
                long[] away = {System.nanoTime(), Long.MAX_VALUE};
                absent.add(away);
                content.uninstall();
                content = context.installBundle("test:swap-" + n, dataBundle(CONTENT_BSN, "1.0." + n, "Careleaf-Content",
                        "content", MODULE + ".json", englishV("1.0.0")));
                content.start();
                Bundle installed = content;
                await("back after a reinstall", seconds(30), () -> installed.getState() == Bundle.ACTIVE
                        && catalog.view("en").module(MODULE).isPresent());
                away[1] = System.nanoTime();
            }
            default -> { // an update to the same content (a redeploy): nothing a reader sees changes
                String same = catalog.view("en").module(MODULE).orElseThrow().version();
                active(current, () -> current.update(dataBundle(CONTENT_BSN, "1.0." + n, "Careleaf-Content", "content",
                        MODULE + ".json", englishV(same))));
            }
        }
        return content;
    }

    private boolean wasAbsent(long from, long to) {
        for (long[] a : absent) {
            if (from <= a[1] && to >= a[0]) {
                return true;
            }
        }
        return false;
    }

    private void load(Random r, boolean cdsHooks) {
        String[] langs = {"en", "es"};
        while (running) {
            String lang = langs[r.nextInt(langs.length)];
            int what = r.nextInt(cdsHooks ? 7 : 6);
            long from = System.nanoTime();
            try {
                switch (what) {
                    case 0 -> list(lang);
                    case 1 -> module(MODULE, lang, from);
                    case 2 -> module(SHIPPED.get(r.nextInt(SHIPPED.size())), lang, from);
                    case 3 -> viewer(MODULE, lang, from);
                    case 4 -> viewer(SHIPPED.get(r.nextInt(SHIPPED.size())), lang, from);
                    case 5 -> infobutton(lang);
                    default -> cdsHooks(lang);
                }
            } catch (RuntimeException | IOException e) {
                errors.add(what + " " + lang + ": " + e);
            }
            requests.incrementAndGet();
        }
    }

    private record Reply(int status, String etag, String body) {
    }

    private static Reply fetch(String method, String path, String body) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL(base() + path).openConnection();
        c.setRequestMethod(method);
        c.setConnectTimeout(10_000);
        c.setReadTimeout(30_000);
        if (body != null) {
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", "application/json");
            c.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
        }
        int status = c.getResponseCode();
        InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
        byte[] bytes = in == null ? new byte[0] : in.readAllBytes();
        int declared = c.getContentLength();
        if (declared >= 0 && declared != bytes.length) {
            throw new IOException(path + ": truncated body, " + bytes.length + " of " + declared + " bytes");
        }
        return new Reply(status, c.getHeaderField("ETag"), new String(bytes, StandardCharsets.UTF_8));
    }

    /** One ETag always names one body: a change of body under the same ETag would let a cache serve stale text. */
    private void sameBodyForEtag(String path, Reply r) {
        if (r.etag() == null) {
            return;
        }
        String digest = sha256(r.body());
        String before = bodyByEtag.putIfAbsent(path + " " + r.etag(), digest);
        if (before != null && !before.equals(digest)) {
            errors.add(path + ": ETag " + r.etag() + " named two different bodies");
        }
    }

    private void list(String lang) throws IOException {
        String path = "/careleaf/api/modules?lang=" + lang;
        Reply r = fetch("GET", path, null);
        expect200(path, r);
        JsonObject o = JsonParser.parseString(r.body()).getAsJsonObject();
        List<String> ids = new ArrayList<>();
        for (JsonElement e : o.getAsJsonArray("modules")) {
            ids.add(e.getAsJsonObject().get("id").getAsString());
        }
        if (!ids.containsAll(SHIPPED)) {
            errors.add(path + ": a partial list " + ids);
        }
        sameBodyForEtag(path, r);
    }

    private void module(String id, String lang, long from) throws IOException {
        String path = "/careleaf/api/modules/" + id + "?lang=" + lang;
        Reply r = fetch("GET", path, null);
        if (r.status() == 404 && id.equals(MODULE) && wasAbsent(from, System.nanoTime())) {
            return;
        }
        expect200(path, r);
        JsonObject o = JsonParser.parseString(r.body()).getAsJsonObject();
        String version = o.get("version").getAsString();
        String title = o.get("title").getAsString();
        if (id.equals(MODULE) && !version.equals("1.0.0") && "en".equals(o.get("locale").getAsString())
                && !title.equals("Swap topic, version " + version)) {
            errors.add(path + ": version " + version + " with the title of another version: " + title);
        }
        sameBodyForEtag(path, r);
    }

    private void viewer(String id, String lang, long from) throws IOException {
        String path = "/careleaf/modules/" + id + "?lang=" + lang;
        Reply r = fetch("GET", path, null);
        if (r.status() == 404 && id.equals(MODULE) && wasAbsent(from, System.nanoTime())) {
            return;
        }
        expect200(path, r);
        if (!r.body().trim().endsWith("</html>")) {
            errors.add(path + ": the page is not complete");
        }
        sameBodyForEtag(path, r);
    }

    private void infobutton(String lang) throws IOException {
        String path = "/careleaf/api/infobutton?mainSearchCriteria.v.c=C61&mainSearchCriteria.v.cs=2.16.840.1.113883.6.90"
                + "&informationRecipient.languageCode.c=" + lang;
        Reply r = fetch("GET", path, null);
        expect200(path, r);
        JsonParser.parseString(r.body()).getAsJsonObject().getAsJsonObject("feed").getAsJsonArray("entry");
        sameBodyForEtag(path, r);
    }

    private void cdsHooks(String lang) throws IOException {
        String body = "{\"hook\":\"patient-view\",\"hookInstance\":\"d1577c69-dfbe-44ad-ba6d-3e05e953b2ea\","
                + "\"context\":{\"userId\":\"Practitioner/1\",\"patientId\":\"1288992\"},\"prefetch\":{\"conditions\":"
                + "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[{\"resource\":{\"resourceType\":"
                + "\"Condition\",\"subject\":{\"reference\":\"Patient/1288992\"},\"code\":{\"coding\":[{\"system\":"
                + "\"http://hl7.org/fhir/sid/icd-10-cm\",\"code\":\"C61\"}]}}}]}}}";
        Reply r = fetch("POST", "/careleaf/cds-services/careleaf-patient-education", body);
        expect200("cds-services", r);
        JsonParser.parseString(r.body()).getAsJsonObject().getAsJsonArray("cards");
    }

    private void expect200(String path, Reply r) {
        if (r.status() != 200) {
            errors.add(path + ": " + r.status() + " " + r.body().substring(0, Math.min(200, r.body().length())));
            throw new IllegalStateException("answer " + r.status());
        }
    }

    /** Ids, states and service ids of the platform: none may change while content swaps. */
    private Map<String, Object> platform() throws Exception {
        Map<String, Object> out = new TreeMap<>();
        for (String bsn : List.of("org.careleaf.model", "org.careleaf.catalog", "org.careleaf.web", "org.careleaf.shell")) {
            Bundle b = bundle(bsn);
            if (b != null) {
                out.put(bsn, b.getBundleId() + "/" + b.getState() + "/" + b.getLastModified());
                ServiceReference<?>[] refs = b.getRegisteredServices();
                List<Long> ids = new ArrayList<>();
                for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
                    ids.add((Long) ref.getProperty("service.id"));
                }
                Collections.sort(ids);
                out.put(bsn + " services", ids);
            }
        }
        out.put("catalog", context.getServiceReference(EducationCatalog.class).getProperty("service.id"));
        return out;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
