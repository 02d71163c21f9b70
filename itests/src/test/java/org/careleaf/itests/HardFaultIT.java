package org.careleaf.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.ClassRule;
import org.junit.Test;

/**
 * Hard faults: Karaf killed with SIGKILL in the middle of enable/disable changes and of content updates,
 * again and again. After every restart the enablement is what was last acknowledged, the module under
 * update serves its last good version, and the audit trail is readable with every acknowledged entry once
 * (a torn last line is tolerated), also when the crash left the enablement's {@code .cfg} file empty. With
 * the data folder unusable the node keeps serving and health says why.
 */
public class HardFaultIT {

    private static final int KILLS = 20;
    private static final List<String> TOGGLED = List.of("mpc-outlook", "mpc-clinical-trials", "mpc-living-well");
    private static final String FAULT = "fault-topic";

    @ClassRule
    public static final RunningAssembly KARAF = new RunningAssembly();

    private record Reply(int status, String body) {
        JsonObject json() {
            return JsonParser.parseString(body).getAsJsonObject();
        }
    }

    private static Reply http(String method, String path, Map<String, String> headers) {
        try {
            HttpURLConnection c = (HttpURLConnection) new URL(KARAF.base() + path).openConnection();
            c.setRequestMethod(method);
            c.setConnectTimeout(2000);
            c.setReadTimeout(20_000);
            c.setInstanceFollowRedirects(false);
            headers.forEach(c::setRequestProperty);
            if (method.equals("POST")) {
                c.setDoOutput(true);
                try (OutputStream out = c.getOutputStream()) {
                    out.write(new byte[0]);
                }
            }
            int status = c.getResponseCode();
            InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
            return new Reply(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Reply(-1, String.valueOf(e));
        }
    }

    private static Map<String, String> admin() throws IOException {
        String password = Files.readString(KARAF.home.resolve("etc/careleaf-admin.password")).trim();
        Map<String, String> h = new HashMap<>();
        h.put("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + password)
                .getBytes(StandardCharsets.UTF_8)));
        Reply modules = http("GET", "/careleaf/admin/api/modules", h);
        h.put("X-CSRF-Token", modules.json().get("csrf").getAsString());
        return h;
    }

    private static boolean served(String id) {
        return http("GET", "/careleaf/api/modules/" + id, Map.of()).status() == 200;
    }

    private static String servedVersion(String id) {
        Reply r = http("GET", "/careleaf/api/modules/" + id, Map.of());
        return r.status() == 200 ? r.json().get("version").getAsString() : null;
    }

    private static void awaitReady() {
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < end) {
            if (http("GET", "/careleaf/health", Map.of()).status() == 200) {
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
        throw new AssertionError("not ready within 3 minutes after a restart; see " + KARAF.home + "/data/log/karaf.log");
    }

    private static void awaitServedVersion(String version) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!version.equals(servedVersion(FAULT))) {
            if (System.nanoTime() > end) {
                throw new AssertionError(FAULT + " " + version + " was not served within 60 s");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
    }

    private static void deploy(String version, boolean broken) {
        String json = DataJars.module(FAULT, version, 300);
        if (broken) {
            json = json.replace("\"summary\":", "\"summary\":7,\"x\":");
        }
        DataJars.write(KARAF.home.resolve("deploy/" + FAULT + ".jar"), "org.careleaf.test.fault", "1.0.0",
                "Careleaf-Content", "content", Map.of(FAULT + ".json", json));
    }

    /** An acknowledged change: the module, its state after, and when the request was sent and answered. */
    private record Ack(String module, boolean enabled, long sentMillis, long answeredMillis) {
    }

    /** The last lines of the audit trail as the file has them, to tell which writer undid a change. */
    private static String auditTail() throws IOException {
        List<String> lines = Files.readAllLines(KARAF.home.resolve("data/careleaf/audit.jsonl"));
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 12), lines.size()));
    }

    @Test
    public void killedMidChangeItKeepsWhatWasAcknowledgedAndTheLastGoodVersion() throws Exception {
        Random r = new Random(2026);
        Map<String, Boolean> acknowledged = new HashMap<>();
        TOGGLED.forEach(id -> acknowledged.put(id, true));
        List<Ack> acks = new ArrayList<>();
        deploy("1.0.0", false);
        awaitServedVersion("1.0.0");
        String lastGood = "1.0.0";
        int version = 0;
        for (int kill = 1; kill <= KILLS; kill++) {
            Map<String, String> auth = admin();
            // some acknowledged changes first
            for (int i = 0; i < 2; i++) {
                String id = TOGGLED.get(r.nextInt(TOGGLED.size()));
                boolean enable = !acknowledged.get(id);
                long sent = System.currentTimeMillis();
                Reply reply = http("POST", "/careleaf/admin/modules/" + id + (enable ? "/enable" : "/disable"), auth);
                assertEquals(reply.body(), 200, reply.status());
                acknowledged.put(id, enable);
                acks.add(new Ack(id, enable, sent, System.currentTimeMillis()));
            }
            // a content update: a valid one served, then a broken one under way when Karaf dies
            lastGood = "1.0." + (++version);
            deploy(lastGood, false);
            awaitServedVersion(lastGood);
            deploy("9.9." + version, true);
            // the kill lands while another change is in flight, at a random moment
            String inFlight = TOGGLED.get(r.nextInt(TOGGLED.size()));
            boolean inFlightEnable = !acknowledged.get(inFlight);
            CompletableFuture<Reply> change = CompletableFuture.supplyAsync(() -> http("POST", "/careleaf/admin/modules/"
                    + inFlight + (inFlightEnable ? "/enable" : "/disable"), auth));
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(r.nextInt(400)));
            KARAF.kill();
            Reply late = change.get(30, TimeUnit.SECONDS);
            boolean inFlightAcknowledged = late.status() == 200;
            if (inFlightAcknowledged) {
                acknowledged.put(inFlight, inFlightEnable);
            }
            if (kill % 5 == 0) {
                // a crash in the middle of writing an audit line
                Files.writeString(KARAF.home.resolve("data/careleaf/audit.jsonl"), "{\"at\":\"2026-12-01T00:00:00Z\",\"us",
                        StandardOpenOption.APPEND);
            }
            if (kill % 10 == 0) {
                // a crash in the middle of Karaf's own rewrite of the .cfg file, which truncates it, then writes
                Files.write(KARAF.home.resolve("etc/org.careleaf.catalog.cfg"), new byte[0]);
            }
            KARAF.launch();
            awaitReady();
            for (String id : TOGGLED) {
                boolean on = served(id);
                boolean mayBeEither = !inFlightAcknowledged && id.equals(inFlight);
                if (!mayBeEither && on != acknowledged.get(id)) {
                    // what the next session needs to tell a late configuration from a lost one
                    LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(3));
                    String cfg = Files.readAllLines(KARAF.home.resolve("etc/org.careleaf.catalog.cfg")).stream()
                            .filter(l -> l.startsWith("disabledModules")).findFirst().orElse("(no disabledModules line)");
                    fail("after kill " + kill + ", " + id + " is " + (on ? "enabled" : "disabled") + " but "
                            + acknowledged.get(id) + " was acknowledged; 3 s later it is " + (served(id) ? "enabled" : "disabled")
                            + "; the file says " + cfg + "; the audit trail ends with\n" + auditTail());
                }
                if (mayBeEither) {
                    acknowledged.put(id, on);
                }
            }
            assertEquals("after kill " + kill + " the last good version serves", lastGood, servedVersion(FAULT));
        }
        Reply audit = http("GET", "/careleaf/admin/api/audit?limit=10000", admin());
        assertEquals(200, audit.status());
        List<JsonObject> entries = new ArrayList<>();
        for (JsonElement e : audit.json().getAsJsonArray("audit")) {
            entries.add(e.getAsJsonObject());
        }
        for (Ack a : acks) {
            long matching = entries.stream().filter(e -> e.get("target").getAsString().equals(a.module())
                    && e.get("after").getAsString().equals(a.enabled() ? "enabled" : "disabled")
                    && e.get("channel").getAsString().equals("web")
                    // written while the request was handled (same clock; 5 ms for its granularity): a change of the
                    // same module to the same state a moment later (the one in flight at a kill) is another entry
                    && within(e.get("at").getAsString(), a.sentMillis() - 5, a.answeredMillis() + 5)).count();
            assertEquals("the acknowledged change " + a + " is in the audit trail exactly once", 1, matching);
        }
        System.out.printf("HARD FAULTS: %d kills, %d acknowledged changes, every one audited once; %d audit entries%n",
                KILLS, acks.size(), entries.size());
    }

    private static boolean within(String isoInstant, long from, long to) {
        long t = java.time.Instant.parse(isoInstant).toEpochMilli();
        return t >= from && t <= to;
    }

    @Test
    public void withTheDataFolderUnusableItKeepsServingAndHealthSaysWhy() throws Exception {
        awaitReady();
        Path store = KARAF.home.resolve("data/careleaf/last-good");
        Path aside = KARAF.home.resolve("data/careleaf/last-good.aside");
        Files.move(store, aside);
        Files.writeString(store, "not a folder: the disk cannot hold what the catalog wants to keep");
        try {
            deploy("5.0.0", false);
            awaitServedVersion("5.0.0");
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            Reply health;
            do {
                health = http("GET", "/careleaf/health", Map.of());
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
            } while (!health.body().contains("degraded") && System.nanoTime() < end);
            assertEquals(200, health.status());
            assertEquals("degraded", health.json().get("status").getAsString());
            assertTrue(health.body(), health.body().contains("last good"));
            assertTrue("it keeps serving from memory", served("mpc-overview") && "5.0.0".equals(servedVersion(FAULT)));
        } finally {
            Files.delete(store);
            Files.move(aside, store);
        }
    }
}
