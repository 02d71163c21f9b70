package org.careleaf.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.careleaf.model.Problem;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

/**
 * Hostile input, generated: a fixed-seed stream of malformed requests to every HTTP surface (no 5xx,
 * nothing reflected unescaped, every 4xx with a reason), and hostile content bundles of many kinds
 * (each refused with its file and field named, the last good version serving, memory bounded).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HostileInputIT extends CareleafTestSupport {

    private static final int REQUESTS = 1200;
    /** Put into requests; it must never come back as markup. */
    private static final String MARK = "<x-careleaf-fuzz onmouseover=\"alert(1)\">";
    private static final String BSN = "org.careleaf.test.hostile";

    @Configuration
    public Option[] config() {
        return careleafKaraf();
    }

    // ---- generated requests

    private static final String[] PATHS = {
        "/careleaf/", "/careleaf/modules/", "/careleaf/api/modules", "/careleaf/api/modules/", "/careleaf/api/languages",
        "/careleaf/api/translations", "/careleaf/api/infobutton", "/careleaf/api/search", "/careleaf/cds-services",
        "/careleaf/cds-services/careleaf-patient-education", "/careleaf/health", "/careleaf/admin/", "/careleaf/admin/api/modules",
        "/careleaf/static/viewer.css", "/careleaf/figures/mpc-overview/", "/careleaf/fhir/metadata",
        "/careleaf/fhir/DocumentReference", "/careleaf/search"};
    private static final String[] NASTY = {
        "../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2f", "%252e%252e%252f", "%00", "%ff%fe", "%c0%af",
        "mpc-overview%2F..%2F..", "mpc-overview/../../x", "MPC-OVERVIEW", "mpc--overview", "-mpc", "a".repeat(300),
        "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "\u00e9t\u00e9", "%e2%80%ae", "x;jsessionid=1", "*", "%20", "?", "#",
        "figures/../../../../etc/passwd", "%0d%0aSet-Cookie:%20x=1"};
    private static final String[] PARAMS = {"lang", "q", "limit", "offset", "cursor", "category", "pack", "audience",
        "system", "code", "mainSearchCriteria.v.c", "mainSearchCriteria.v.cs", "informationRecipient.languageCode.c",
        "knowledgeResponseType", "subTopic.v.c", "_count", "_lastUpdated", "language", "v", "csrf"};

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String randomValue(Random r) {
        return switch (r.nextInt(10)) {
            case 0 -> MARK;
            case 1 -> "x".repeat(r.nextInt(20_000));
            case 2 -> "-1";
            case 3 -> "99999999999999999999";
            case 4 -> "es;q=abc,,de-DE-x-" + "a".repeat(100);
            case 5 -> NASTY[r.nextInt(NASTY.length)];
            case 6 -> "zh-Hant-TW";
            case 7 -> "2.16.840.1.113883.6.90";
            case 8 -> "\"'><svg onload=alert(1)>";
            default -> "C61";
        };
    }

    private record Reply(int status, String contentType, String body) {
    }

    private static Reply send(String method, String path, Map<String, String> headers, byte[] body) {
        try {
            HttpURLConnection c = (HttpURLConnection) new URL(base() + path).openConnection();
            c.setRequestMethod(method);
            c.setConnectTimeout(10_000);
            c.setReadTimeout(30_000);
            c.setInstanceFollowRedirects(false);
            headers.forEach(c::setRequestProperty);
            if (body != null) {
                c.setDoOutput(true);
                try (OutputStream out = c.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = c.getResponseCode();
            InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
            String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Reply(status, String.valueOf(c.getContentType()), text);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        }
    }

    /** A request HttpURLConnection would refuse to send (odd methods, raw bytes), written to the socket. */
    private static int raw(String request) {
        try (Socket s = new Socket("127.0.0.1", Integer.parseInt(System.getProperty("careleaf.test.http.port")))) {
            s.setSoTimeout(30_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            String head = new String(s.getInputStream().readNBytes(64), StandardCharsets.ISO_8859_1);
            return Integer.parseInt(head.substring(9, 12));
        } catch (IOException | RuntimeException e) {
            return -1; // the server closed the connection on a request it could not parse: no answer, no 5xx
        }
    }

    @Test
    public void generatedHostileRequestsGetNoServerErrorAndNoReflectedMarkup() {
        Random r = new Random(20261201);
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        String[] methods = {"GET", "GET", "GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS"};
        for (int i = 0; i < REQUESTS; i++) {
            String path = PATHS[r.nextInt(PATHS.length)];
            if (r.nextInt(3) == 0) {
                path += NASTY[r.nextInt(NASTY.length)];
            }
            StringBuilder query = new StringBuilder();
            int n = r.nextInt(r.nextInt(10) == 0 ? 150 : 4);
            for (int p = 0; p < n; p++) {
                query.append(p == 0 ? "?" : "&").append(PARAMS[r.nextInt(PARAMS.length)]).append('=')
                        .append(enc(randomValue(r)));
            }
            String target = path + query;
            if (target.length() > 60_000) {
                target = target.substring(0, 60_000);
            }
            Map<String, String> headers = new LinkedHashMap<>();
            if (r.nextBoolean()) {
                headers.put("Accept-Language", randomValue(r).replaceAll("[\\r\\n]", ""));
            }
            if (r.nextInt(5) == 0) {
                headers.put("Origin", "https://evil.example");
            }
            if (r.nextInt(6) == 0) {
                headers.put("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        ("admin:" + randomValue(r)).getBytes(StandardCharsets.UTF_8)));
            }
            String method = methods[r.nextInt(methods.length)];
            byte[] body = null;
            if (method.equals("POST") || method.equals("PUT")) {
                headers.put("Content-Type", switch (r.nextInt(4)) {
                    case 0 -> "application/json";
                    case 1 -> "application/json; charset=latin1";
                    case 2 -> "text/xml";
                    default -> "multipart/form-data; boundary=x";
                });
                body = cdsBody(r).getBytes(StandardCharsets.UTF_8);
            }
            Reply reply;
            try {
                reply = send(method, target, headers, body);
            } catch (UncheckedIOException e) {
                // the server answered (414, 413, 431) and closed before the client had sent all of the request
                if (String.valueOf(e.getCause().getMessage()).contains("Error writing to server")) {
                    statuses.merge(-1, 1, Integer::sum);
                } else {
                    failures.add(method + " " + shorten(target) + ": " + e.getCause());
                }
                continue;
            }
            statuses.merge(reply.status(), 1, Integer::sum);
            check(method + " " + shorten(target), reply, failures);
        }
        String[] rawRequests = {
            "TRACE /careleaf/api/modules HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
            "PROPFIND /careleaf/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
            "PATCH /careleaf/api/modules/mpc-overview HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
            "GET /careleaf/api/modules HTTP/1.1\r\nHost: <evil>\r\nConnection: close\r\n\r\n",
            "GET /careleaf/api/modules HTTP/1.1\r\nHost: localhost\r\nAccept-Language: " + "x".repeat(7000)
                    + "\r\nConnection: close\r\n\r\n",
            "GET /careleaf/%ZZ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
            "GET /careleaf/api/modules/\u00ff\u00fe HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
        };
        for (String req : rawRequests) {
            int status = raw(req);
            statuses.merge(status, 1, Integer::sum);
            if (status >= 500) {
                failures.add(req.substring(0, req.indexOf('\r')) + ": " + status);
            }
        }
        System.out.println("FUZZ: " + (REQUESTS + rawRequests.length) + " requests, statuses " + statuses + ", "
                + failures.size() + " failures");
        assertTrue("first failures: " + failures.subList(0, Math.min(15, failures.size())), failures.isEmpty());
    }

    private static String cdsBody(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> "[".repeat(20_000);
            case 1 -> "{\"hook\":\"patient-view\",\"hookInstance\":\"" + MARK + "\",\"context\":{\"patientId\":\"1\"},"
                    + "\"prefetch\":{\"conditions\":{\"resourceType\":\"Bundle\",\"entry\":[" + "{},".repeat(5000) + "{}]}}}";
            case 2 -> "{\"hook\":\"" + MARK + "\"}";
            case 3 -> "{\"a\":\"" + "x".repeat(1_200_000) + "\"}";
            case 4 -> "not json " + MARK;
            default -> "{\"hook\":\"patient-view\",\"hookInstance\":\"1\",\"context\":{\"patientId\":\"1\"},\"prefetch\":{"
                    + "\"conditions\":{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"Condition\","
                    + "\"code\":{\"coding\":[{\"system\":\"" + MARK + "\",\"code\":\"C61\"}]}}}]}}}";
        };
    }

    private static void check(String what, Reply reply, List<String> failures) {
        if (reply.status() >= 500) {
            failures.add(what + ": " + reply.status() + " " + shorten(reply.body()));
            return;
        }
        // HEAD answers carry no body by definition; 414 and 431 come from the HTTP server itself, which says why in
        // its status line before any Careleaf code runs
        boolean bodyExpected = !what.startsWith("HEAD ") && reply.status() != 414 && reply.status() != 431
                && !(reply.status() == 404 && outsideCareleaf(what));
        if (reply.status() >= 400 && bodyExpected && reply.body().isBlank()) {
            failures.add(what + ": " + reply.status() + " without a reason");
        }
        if (reply.body().contains("<x-careleaf-fuzz") || reply.body().contains("<svg onload")) {
            failures.add(what + ": the request's markup came back unescaped (" + reply.contentType() + ")");
        }
        if (reply.body().contains("Exception") && reply.body().contains("\tat ")) {
            failures.add(what + ": a stack trace");
        }
    }

    /**
     * A path whose dot segments climb out of /careleaf (".../../../etc/passwd") reaches the HTTP server's own
     * root, not Careleaf: the server's 404 there is not Careleaf's answer.
     */
    private static boolean outsideCareleaf(String what) {
        String[] parts = what.split(" ", 3);
        if (parts.length < 2) {
            return false;
        }
        String path = parts[1].replaceFirst("[?#].*", "");
        try {
            String normal = java.net.URI.create(path).normalize().getPath();
            return normal != null && !normal.equals("/careleaf") && !normal.startsWith("/careleaf/");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String shorten(String s) {
        return s.length() <= 160 ? s : s.substring(0, 160) + "…";
    }

    // ---- hostile content bundles

    private static byte[] jar(Map<String, String> headers, Map<String, byte[]> files) {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", BSN);
        a.putValue("Bundle-Version", "1.0.0");
        headers.forEach(a::putValue);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, m)) {
            for (var f : files.entrySet()) {
                jar.putNextEntry(new JarEntry(f.getKey()));
                jar.write(f.getValue());
                jar.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A jar whose one JSON entry inflates to {@code megabytes} of spaces: a few hundred kilobytes on disk. */
    private static byte[] zipBomb(int megabytes) {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().putValue("Bundle-ManifestVersion", "2");
        m.getMainAttributes().putValue("Bundle-SymbolicName", BSN);
        m.getMainAttributes().putValue("Bundle-Version", "1.0.0");
        m.getMainAttributes().putValue("Careleaf-Content", "content");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, m)) {
            jar.putNextEntry(new JarEntry("content/hostile-topic.json"));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < megabytes; i++) {
                jar.write(spaces);
            }
            jar.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private String goodModule() {
        JsonObject m = JsonParser.parseString(entry(bundle("org.careleaf.content.mpc.outlook"), "content/mpc-outlook.json"))
                .getAsJsonObject();
        m.addProperty("id", "hostile-topic");
        m.addProperty("order", 97);
        return m.toString();
    }

    private String variant(Consumer<JsonObject> change) {
        JsonObject m = JsonParser.parseString(goodModule()).getAsJsonObject();
        change.accept(m);
        return m.toString();
    }

    private static Map<String, byte[]> content(String json) {
        return Map.of("content/hostile-topic.json", json.getBytes(StandardCharsets.UTF_8));
    }

    private static final Map<String, String> HEADER = Map.of("Careleaf-Content", "content");

    @Test
    public void hostileContentBundlesAreRefusedAndTheLastGoodVersionServes() throws Exception {
        Bundle b = context.installBundle("test:hostile", new ByteArrayInputStream(jar(HEADER, content(goodModule()))));
        b.start();
        await("the good version is served", seconds(30), () -> catalog.view("en").module("hostile-topic").isPresent());
        String goodTitle = catalog.view("en").module("hostile-topic").orElseThrow().content().title();
        int othersBefore = catalog.view("en").size();
        long heapBefore = usedHeapAfterGc();

        StringBuilder deep = new StringBuilder("{\"a\":");
        deep.append("[".repeat(10_000)).append("]".repeat(10_000)).append('}');
        JsonArray manyBlocks = new JsonArray();
        for (int i = 0; i < 30_000; i++) {
            JsonObject block = new JsonObject();
            block.addProperty("id", "b" + i);
            block.addProperty("type", "paragraph");
            block.addProperty("text", "x");
            manyBlocks.add(block);
        }
        Map<String, byte[]> hostile = new LinkedHashMap<>();
        hostile.put("markup in text", jar(HEADER, content(variant(m -> m.addProperty("summary",
                "Read this <script>alert(1)</script> now.")))));
        hostile.put("a file over the size limit", jar(HEADER, content(variant(m -> m.addProperty("summary",
                "x".repeat(600_000))))));
        hostile.put("JSON nested thousands deep", jar(HEADER, content(deep.toString())));
        hostile.put("a zip bomb", zipBomb(200));
        hostile.put("entries named ../x", jar(HEADER, Map.of("content/hostile-topic.json",
                "{".getBytes(StandardCharsets.UTF_8), "content/../x.json", goodModule().getBytes(StandardCharsets.UTF_8),
                "content/..x.json", goodModule().getBytes(StandardCharsets.UTF_8))));
        hostile.put("duplicate keys", jar(HEADER, content(goodModule().replaceFirst("\\{", "{\"title\": \"Twice\","))));
        hostile.put("a byte-order mark", jar(HEADER, content("\uFEFF" + goodModule())));
        hostile.put("numbers where strings belong", jar(HEADER, content(variant(m -> m.addProperty("title", 12345)))));
        hostile.put("tens of thousands of blocks", jar(HEADER, content(variant(m -> m.getAsJsonArray("sections").get(0)
                .getAsJsonObject().add("blocks", manyBlocks)))));
        hostile.put("a huge manifest header", jar(Map.of("Careleaf-Content", "content/" + "x".repeat(100_000)),
                content(goodModule())));
        hostile.put("a script in a figure", jar(HEADER, Map.of("content/hostile-topic.json", variant(m -> m
                .getAsJsonArray("sections").get(0).getAsJsonObject().getAsJsonArray("blocks").add(JsonParser.parseString(
                        "{\"id\":\"fig-x\",\"type\":\"figure\",\"src\":\"figures/x.svg\",\"alt\":\"A picture.\","
                                + "\"text\":\"A caption.\"}"))).getBytes(StandardCharsets.UTF_8), "content/figures/x.svg",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"><script>alert(1)</script></svg>"
                        .getBytes(StandardCharsets.UTF_8))));
        hostile.put("an unknown field", jar(HEADER, content(variant(m -> m.addProperty("tittle", "typo")))));

        List<String> failures = new ArrayList<>();
        for (var h : hostile.entrySet()) {
            b.update(new ByteArrayInputStream(h.getValue()));
            List<Problem> problems = catalog.view(null).problems().stream().filter(p -> p.bundle().startsWith(BSN)).toList();
            boolean named = problems.stream().anyMatch(p -> p.file() != null);
            String title = catalog.view("en").module("hostile-topic").map(v -> v.content().title()).orElse(null);
            System.out.println("HOSTILE " + h.getKey() + ": " + (problems.isEmpty() ? "NOT REFUSED"
                    : problems.get(0).describe().substring(0, Math.min(200, problems.get(0).describe().length()))));
            if (problems.isEmpty() || !named) {
                failures.add(h.getKey() + ": not refused with its file named: " + problems);
            }
            if (!goodTitle.equals(title)) {
                failures.add(h.getKey() + ": the last good version is not served (" + title + ")");
            }
            if (catalog.view("en").size() != othersBefore) {
                failures.add(h.getKey() + ": other modules changed");
            }
            if (get("/careleaf/api/modules/hostile-topic").status() != 200) {
                failures.add(h.getKey() + ": the REST API does not serve the last good version");
            }
        }
        long heapGrowth = usedHeapAfterGc() - heapBefore;
        System.out.println("HOSTILE: " + hostile.size() + " kinds, heap growth after GC " + heapGrowth / (1 << 20) + " MiB");
        b.uninstall();
        assertTrue(String.join("\n", failures), failures.isEmpty());
        assertTrue("memory stays bounded: grew " + heapGrowth + " bytes", heapGrowth < 64L << 20);
        assertFalse(catalog.view("en").module("hostile-topic").isPresent());
        assertEquals(othersBefore - 1, catalog.view("en").size());
    }

    private static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
