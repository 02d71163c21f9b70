package org.careleaf.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs every {@code sh} block of a document with bash and curl against a running Careleaf, and checks
 * each HTTP status against the block's {@code # HTTP/1.1 NNN} line (200 without): the docs' examples are
 * tests, so they keep working.
 */
final class CurlExamples {

    private static final Pattern BLOCK = Pattern.compile("```sh\n(.*?)```", Pattern.DOTALL);
    private static final Pattern EXPECTED = Pattern.compile("(?m)^# HTTP/1\\.1 (\\d{3})");

    private CurlExamples() {
    }

    /** Returns how many blocks ran; {@code base} replaces {@code http://localhost:8181} in them. */
    static int run(Path document, String base, Path workingDirectory) throws IOException, InterruptedException {
        Matcher block = BLOCK.matcher(Files.readString(document));
        Path curlHome = Files.createTempDirectory("curlhome");
        // every curl prints its status last, on a line of its own
        Files.writeString(curlHome.resolve(".curlrc"), "write-out = \"\\nHTTP_STATUS:%{http_code}\\n\"\n");
        int blocks = 0;
        while (block.find()) {
            blocks++;
            String script = block.group(1).replace("http://localhost:8181", base);
            Matcher expected = EXPECTED.matcher(script);
            String status = expected.find() ? expected.group(1) : "200";
            ProcessBuilder pb = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script)
                    .directory(workingDirectory.toFile()).redirectErrorStream(true);
            pb.environment().put("CURL_HOME", curlHome.toString());
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(script + "\n" + out, 0, p.waitFor());
            List<String> statuses = out.lines().filter(l -> l.startsWith("HTTP_STATUS:"))
                    .map(l -> l.substring("HTTP_STATUS:".length())).toList();
            assertFalse(script, statuses.isEmpty());
            for (String s : statuses) {
                assertEquals(script + "\n" + out, status, s);
            }
        }
        return blocks;
    }
}
