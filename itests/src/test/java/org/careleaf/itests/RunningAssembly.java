package org.careleaf.itests;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.junit.rules.ExternalResource;

/**
 * The Karaf assembly as an operator runs it: unpacked from the built tar.gz, started with
 * {@code bin/start} on free ports, stopped with {@code bin/stop}. No Pax Exam, no test accounts.
 */
final class RunningAssembly extends ExternalResource {

    final Path home;
    final int httpPort;
    /** HTTP, SSH, RMI registry and RMI server, chosen together so that no two are the same. */
    private final int[] ports;
    private final boolean startAtOnce;

    RunningAssembly() {
        this(true);
    }

    /** @param startAtOnce false to only unpack it: the test fills deploy/ or changes files, then calls {@link #launch} */
    RunningAssembly(boolean startAtOnce) {
        this.startAtOnce = startAtOnce;
        ports = CareleafTestSupport.freePorts(4);
        httpPort = ports[0];
        home = Path.of("target", "assembly-run-" + httpPort).toAbsolutePath();
    }

    @Override
    protected void before() throws Throwable {
        unpack();
        if (startAtOnce) {
            start();
        }
    }

    /** A fresh copy of the built assembly on free ports, not started. */
    void unpack() throws IOException {
        Files.createDirectories(home);
        run(Duration.ofMinutes(2), home.toFile(), "tar", "xzf", System.getProperty("careleaf.assembly"),
                "--strip-components=1");
        setProperty("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", String.valueOf(httpPort));
        setProperty("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(ports[1]));
        setProperty("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", String.valueOf(ports[2]));
        setProperty("etc/org.apache.karaf.management.cfg", "rmiServerPort", String.valueOf(ports[3]));
    }

    @Override
    protected void after() {
        stop();
    }

    void start() {
        launch();
        awaitUp();
    }

    /** bin/start, without waiting for anything: the test watches the node come up. */
    void launch() {
        run(Duration.ofMinutes(1), home.toFile(), "bin/start");
    }

    /** SIGKILL: no shutdown hook, no flush, as a power cut or the OOM killer would end it. */
    void kill() {
        pid().flatMap(ProcessHandle::of).ifPresent(p -> {
            p.destroyForcibly();
            try {
                p.onExit().get(1, TimeUnit.MINUTES);
            } catch (Exception e) {
                throw new AssertionError("Karaf did not die", e);
            }
        });
    }

    /** Deletes the unpacked copy (after it has stopped). */
    void delete() throws IOException {
        if (Files.exists(home)) {
            try (var files = Files.walk(home)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    void stop() {
        java.util.Optional<ProcessHandle> karaf = pid().flatMap(ProcessHandle::of);
        run(Duration.ofMinutes(2), home.toFile(), "bin/stop");
        // bin/stop returns before Karaf has exited; a new start must wait for the old JVM to be gone
        karaf.ifPresent(p -> {
            try {
                p.onExit().get(2, TimeUnit.MINUTES);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        });
    }

    private java.util.Optional<Long> pid() {
        try {
            return java.util.Optional.of(Long.parseLong(Files.readString(home.resolve("karaf.pid")).trim()));
        } catch (IOException | NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    String base() {
        return "http://127.0.0.1:" + httpPort;
    }

    private void awaitUp() {
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < end) {
            if (status("/careleaf/health") == 200) {
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
        }
        throw new AssertionError("Karaf did not serve /careleaf/health within 3 minutes; see " + home
                + "/data/log/karaf.log");
    }

    int status(String path) {
        try {
            HttpURLConnection c = (HttpURLConnection) new URL(base() + path).openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(5000);
            return c.getResponseCode();
        } catch (IOException notYet) {
            return -1;
        }
    }

    private void setProperty(String file, String key, String value) throws IOException {
        Path p = home.resolve(file);
        String text = Files.readString(p);
        String replaced = text.replaceAll("(?m)^\\s*#?\\s*" + java.util.regex.Pattern.quote(key) + "\\s*=.*$",
                key + " = " + value);
        Files.writeString(p, replaced.equals(text) ? text + "\n" + key + " = " + value + "\n" : replaced);
    }

    private static void run(Duration timeout, File dir, String... command) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(new File(dir, "launcher.log")));
            Map<String, String> env = pb.environment();
            env.putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
            Process p = pb.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout);
            }
            if (p.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " exited " + p.exitValue() + "; see "
                        + dir + "/launcher.log");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
