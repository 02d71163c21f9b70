package org.careleaf.itests;

import static org.junit.Assert.assertTrue;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import javax.inject.Inject;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

import org.apache.karaf.features.BootFinished;
import org.careleaf.model.EducationCatalog;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Boots the Careleaf Karaf assembly itself (as a hospital would run it) on free ports, and gives tests
 * HTTP and bundle helpers. Operations on bundles are synchronous in OSGi, so the catalog has settled
 * when they return; {@link #await} is there for the few answers that may lag.
 */
public abstract class CareleafTestSupport {

    @Inject
    protected BundleContext context;

    @Inject
    protected EducationCatalog catalog;

    /** Pax Exam injects this once Karaf's boot features are all installed. */
    @Inject
    protected BootFinished bootFinished;

    /**
     * Careleaf answers 503 until it has taken in the content Karaf installs at start (issue: honest
     * readiness); tests of what it serves begin once it says it is ready, as an EHR that retries would.
     */
    @org.junit.Before
    public void awaitCareleafReady() {
        await("Careleaf reports ready", seconds(60), () -> {
            var ref = context.getServiceReference(EducationCatalog.class);
            EducationCatalog c = ref == null ? null : context.getService(ref);
            return c != null && c.view(null).readiness().ready();
        });
    }

    protected static final String ADMIN_PASSWORD = "admin-test-secret";
    protected static final String NURSE_PASSWORD = "nurse-test-secret";
    protected static final String REVIEWER_PASSWORD = "reviewer-test-secret";

    protected static Option[] careleafKaraf(Option... extra) {
        int[] ports = freePorts(4);
        int http = ports[0];
        String assembly = System.getProperty("careleaf.assembly");
        Option[] base = {
            karafDistributionConfiguration()
                    .frameworkUrl(new File(assembly).toURI().toString())
                    .name("Careleaf")
                    .unpackDirectory(new File("target/exam"))
                    .useDeployFolder(false),
            configureConsole().ignoreLocalConsole(),
            logLevel(LogLevel.WARN),
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", String.valueOf(http)),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(ports[1])),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", String.valueOf(ports[2])),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", String.valueOf(ports[3])),
            systemProperty("careleaf.test.http.port").value(String.valueOf(http)),
            // lets the HTTP client send Origin, as a browser would
            systemProperty("sun.net.http.allowRestrictedHeaders").value("true"),
            // test accounts: the assembly itself ships none
            editConfigurationFilePut("etc/users.properties", "admin", ADMIN_PASSWORD + ",_g_:admingroup"),
            editConfigurationFilePut("etc/users.properties", "nurse", NURSE_PASSWORD + ",viewer"),
            editConfigurationFilePut("etc/users.properties", "drlee", REVIEWER_PASSWORD + ",careleaf-reviewer"),
            systemProperty("careleaf.version").value(System.getProperty("careleaf.version")),
            // how long injection waits for a service such as BootFinished: Pax Exam's 10 s is too short for
            // a boot on a loaded 2-core machine
            systemProperty("org.ops4j.pax.exam.service.timeout").value("60000"),
        };
        if (Boolean.getBoolean("careleaf.keepExam")) {
            // -Dcareleaf.keepExam=true keeps target/exam/<run>/ (its data/log/karaf.log) for a failure's post-mortem
            extra = java.util.Arrays.copyOf(extra, extra.length + 1);
            extra[extra.length - 1] = org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder();
        }
        Option[] all = new Option[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }

    /**
     * Ports free now and distinct: every socket is held until all are chosen. Chosen one at a time, a port
     * closed after its choice could be handed out again, and HTTP would then share its port with SSH or RMI.
     */
    static int[] freePorts(int n) {
        ServerSocket[] held = new ServerSocket[n];
        try {
            int[] ports = new int[n];
            for (int i = 0; i < n; i++) {
                held[i] = new ServerSocket(0);
                ports[i] = held[i].getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket s : held) {
                if (s != null) {
                    try {
                        s.close();
                    } catch (IOException ignored) {
                        // the port is free again either way
                    }
                }
            }
        }
    }

    /** An HTTP answer as a test sees it. */
    protected record Answer(int status, Map<String, java.util.List<String>> headers, String body) {
        public JsonElement json() {
            return JsonParser.parseString(body);
        }

        public String header(String name) {
            for (var e : headers.entrySet()) {
                if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    protected static String base() {
        return "http://127.0.0.1:" + System.getProperty("careleaf.test.http.port");
    }

    protected static Answer get(String path, String... headers) {
        return request("GET", path, null, null, headers);
    }

    protected static Answer request(String method, String path, String contentType, String body, String... headers) {
        try {
            HttpURLConnection c = (HttpURLConnection) new URL(base() + path).openConnection();
            c.setRequestMethod(method);
            c.setConnectTimeout(10_000);
            c.setReadTimeout(30_000);
            c.setInstanceFollowRedirects(false);
            for (int i = 0; i + 1 < headers.length; i += 2) {
                c.setRequestProperty(headers[i], headers[i + 1]);
            }
            if (body != null) {
                c.setDoOutput(true);
                c.setRequestProperty("Content-Type", contentType);
                try (OutputStream out = c.getOutputStream()) {
                    out.write(body.getBytes(StandardCharsets.UTF_8));
                }
            }
            int status = c.getResponseCode();
            InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
            String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Answer(status, c.getHeaderFields(), text);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        }
    }

    /** Waits until the condition holds, failing after the timeout. */
    protected static void await(String what, Duration timeout, BooleanSupplier condition) {
        if (!eventually(timeout, condition)) {
            throw new AssertionError("timed out after " + timeout + " waiting for: " + what);
        }
    }

    /** Whether the condition came to hold within the timeout. */
    protected static boolean eventually(Duration timeout, BooleanSupplier condition) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        return true;
    }

    protected Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        return null;
    }

    /** A data bundle made in the test: the manifest header and one JSON file, nothing else. */
    protected static InputStream dataBundle(String symbolicName, String version, String header, String folder,
            String fileName, String json) {
        return dataBundle(symbolicName, version, header, folder, Map.of(fileName, json));
    }

    /** A data bundle made in the test: the manifest header and JSON files by name, nothing else. */
    protected static InputStream dataBundle(String symbolicName, String version, String header, String folder,
            Map<String, String> files) {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", symbolicName);
        a.putValue("Bundle-Version", version);
        a.putValue(header, folder);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, m)) {
            jar.putNextEntry(new JarEntry(folder + "/"));
            jar.closeEntry();
            for (var f : files.entrySet()) {
                jar.putNextEntry(new JarEntry(folder + "/" + f.getKey()));
                jar.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }

    /**
     * Health is ok, or degraded for the one reason a test Karaf on loopback has: CDS Hooks' development mode
     * (unsigned calls accepted from this machine) says so.
     */
    protected static void assertHealthy(Answer health) {
        String status = health.json().getAsJsonObject().get("status").getAsString();
        assertTrue(health.body(), status.equals("ok")
                || status.equals("degraded") && health.body().contains("development mode"));
    }

    /** Every file a data bundle ships in a folder, by its path in the folder. */
    protected static Map<String, String> entries(Bundle b, String folder) {
        // every file below the folder (documents and their figures), by its path inside the folder
        Map<String, String> files = new java.util.TreeMap<>();
        for (java.net.URL u : java.util.Collections.list(b.findEntries(folder, "*", true))) {
            String path = u.getPath().substring(1);
            if (!path.endsWith("/")) {
                files.put(path.substring(folder.length() + 1), entry(b, path));
            }
        }
        return files;
    }

    /** The JSON of a content file as shipped in a bundle. */
    protected static String entry(Bundle b, String path) {
        try (InputStream in = b.getEntry(path).openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static Duration seconds(int s) {
        return Duration.ofSeconds(s);
    }

    /** Runs a Karaf shell command in-process as the given user with the given roles, as SSH would. */
    protected String shell(String command, String user, String... roles) throws Exception {
        org.apache.karaf.shell.api.console.SessionFactory factory = context.getService(
                context.getServiceReference(org.apache.karaf.shell.api.console.SessionFactory.class));
        javax.security.auth.Subject subject = new javax.security.auth.Subject();
        subject.getPrincipals().add(new org.apache.karaf.jaas.boot.principal.UserPrincipal(user));
        for (String r : roles) {
            subject.getPrincipals().add(new org.apache.karaf.jaas.boot.principal.RolePrincipal(r));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        java.io.PrintStream out = new java.io.PrintStream(bytes, true, StandardCharsets.UTF_8);
        org.apache.karaf.shell.api.console.Session session = factory.create(new ByteArrayInputStream(new byte[0]), out, out);
        try {
            javax.security.auth.Subject.doAs(subject,
                    (java.security.PrivilegedExceptionAction<Object>) () -> session.execute(command));
        } catch (java.security.PrivilegedActionException e) {
            throw e.getException();
        } finally {
            out.flush();
            session.close();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Puts every module back on after a test that disabled some. */
    protected static void enableEverything(org.careleaf.admin.CatalogAdmin admin) {
        for (var m : admin.modules()) {
            if (!m.enabled()) {
                admin.setEnabled(m.id(), true, new org.careleaf.admin.Actor("test", "shell", "cleanup"));
            }
        }
    }

    /** The next event on the topic from the queue, or a failure after 30 s. */
    protected static org.osgi.service.event.Event awaitEvent(
            java.util.concurrent.BlockingQueue<org.osgi.service.event.Event> events, String topic)
            throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < end) {
            org.osgi.service.event.Event e = events.poll(1, TimeUnit.SECONDS);
            if (e != null && e.getTopic().equals(topic)) {
                return e;
            }
        }
        throw new AssertionError("no " + topic + " event within 30 s");
    }
}
