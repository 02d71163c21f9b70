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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonParser;

import org.junit.Test;

/**
 * Honest readiness, from the very first moment, as an EHR or a load balancer calls a node that is
 * starting: with 40 more modules waiting in deploy/ at the first start, every content surface answers 503
 * with Retry-After and the reason until the whole library is in, never a partial list or a 404 once anything
 * of Careleaf's has answered (the boot bundle answers 503 below /careleaf from a moment after Jetty listens,
 * before the Careleaf context exists), at a first start and at a restart; and a first start with a full
 * deploy/ brings the platform up every time.
 */
public class ReadinessIT {

    private static final int STARTS = 3;
    private static final int EXTRA = 40;
    private static final String[] SURFACES = {
        "/careleaf/api/modules", "/careleaf/api/modules/mpc-overview", "/careleaf/api/modules/ready-039",
        "/careleaf/modules/ready-001?lang=es", "/careleaf/",
        "/careleaf/api/infobutton?mainSearchCriteria.v.c=C61&mainSearchCriteria.v.cs=2.16.840.1.113883.6.90",
        "/careleaf/api/search?q=bone", "/careleaf/fhir/metadata"};

    private record Reply(int status, String retryAfter, String contentType, String body) {
    }

    private static Reply get(String base, String path) {
        try {
            HttpURLConnection c = (HttpURLConnection) new URL(base + path).openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(10_000);
            int status = c.getResponseCode();
            InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
            String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Reply(status, c.getHeaderField("Retry-After"), String.valueOf(c.getContentType()), body);
        } catch (IOException notListening) {
            return new Reply(-1, null, null, "");
        }
    }

    /** Forty extra modules: thirty bundles of one module each, and one vendor bundle carrying ten. */
    private static void fillDeploy(Path deploy) {
        for (int i = 0; i < 30; i++) {
            String id = String.format("ready-%03d", i);
            DataJars.write(deploy.resolve(id + ".jar"), "org.careleaf.test." + id, "1.0.0", "Careleaf-Content", "content",
                    Map.of(id + ".json", DataJars.module(id, "1.0.0", 200 + i)));
        }
        Map<String, String> vendor = new LinkedHashMap<>();
        for (int i = 30; i < EXTRA; i++) {
            String id = String.format("ready-%03d", i);
            vendor.put(id + ".json", DataJars.module(id, "1.0.0", 200 + i));
        }
        DataJars.write(deploy.resolve("vendor-library.jar"), "org.careleaf.test.vendor", "1.0.0", "Careleaf-Content",
                "content", vendor);
    }

    @Test
    public void aStartingNodeNeverServesAPartialLibraryAndAFullDeployFolderBootsEveryTime() throws Exception {
        for (int run = 1; run <= STARTS; run++) {
            RunningAssembly karaf = new RunningAssembly(false);
            karaf.unpack();
            fillDeploy(karaf.home.resolve("deploy"));
            try {
                watch(karaf, "first start " + run);
                if (run == 1) {
                    // a restart: the boot features are installed already, so the bundles start in another order
                    karaf.stop();
                    watch(karaf, "restart");
                }
            } finally {
                karaf.stop();
                karaf.delete();
            }
        }
    }

    /** Launches the node and calls every surface in a tight loop until it is ready, then checks what it heard. */
    private static void watch(RunningAssembly karaf, String start) throws Exception {
        Map<String, Integer> seen = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        long t0 = System.nanoTime();
        boolean careleafAnswered = false;
        boolean bootAnswered = false;
        long serverUp = -1;
        long ready = -1;
        karaf.launch();
        long end = t0 + TimeUnit.MINUTES.toNanos(4);
        while (ready < 0 && System.nanoTime() < end) {
            for (String path : SURFACES) {
                Reply r = get(karaf.base(), path);
                boolean careleaf = r.status() > 0 && r.body().contains("\"error\"") || r.status() == 200
                        || r.status() == 503;
                String kind = r.status() + (r.status() == 404 && !careleaf ? " (the HTTP server, before Careleaf)" : "");
                seen.merge(kind, 1, Integer::sum);
                if (r.status() > 0 && serverUp < 0) {
                    serverUp = System.nanoTime();
                }
                if (r.status() == 404 && (careleaf || careleafAnswered)) {
                    wrong.add(path + ": 404 for a module on its way: " + r.body());
                }
                bootAnswered |= r.status() == 503 && r.body().contains("its web surfaces are not running yet");
                if (r.status() == 503 && (r.retryAfter() == null || !r.body().contains("starting"))) {
                    wrong.add(path + ": 503 without Retry-After or reason: " + r.body());
                }
                if (r.status() == 200 && path.equals("/careleaf/api/modules")) {
                    int n = JsonParser.parseString(r.body()).getAsJsonObject().getAsJsonArray("modules").size();
                    if (n != 9 + EXTRA) {
                        wrong.add("a partial list: " + n + " modules");
                    }
                }
                if (r.status() != 200 && r.status() != 503 && r.status() != -1 && !(r.status() == 404 && !careleaf)) {
                    wrong.add(path + ": " + r.status() + " " + r.body().substring(0, Math.min(300, r.body().length())));
                }
                careleafAnswered |= careleaf;
            }
            Reply health = get(karaf.base(), "/careleaf/health");
            if (health.status() == 200 && get(karaf.base(), SURFACES[0]).status() == 200) {
                ready = System.nanoTime();
            }
        }
        String log = Files.readString(karaf.home.resolve("data/log/karaf.log"));
        System.out.printf("READINESS %s: HTTP after %.1f s, ready after %.1f s; answers %s%n", start,
                (serverUp - t0) / 1e9, (ready - t0) / 1e9, seen);
        assertTrue("ready within 4 minutes (" + start + ")", ready > 0);
        assertTrue("no wrong answer while starting (" + start + "): " + wrong, wrong.isEmpty());
        assertTrue("503 starting before the Careleaf context existed (" + start + ")", bootAnswered);
        assertTrue("the boot features installed (" + start + ")", !log.contains("Error installing boot features"));
        assertEquals(9 + EXTRA, JsonParser.parseString(get(karaf.base(), SURFACES[0]).body()).getAsJsonObject()
                .getAsJsonArray("modules").size());
        assertEquals(200, get(karaf.base(), "/careleaf/api/modules/ready-035").status());
    }
}
