package org.careleaf.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

import nu.validator.client.EmbeddedValidator;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The patient viewer in real headless Chromium (Debian's chromium and chromedriver, never a downloaded
 * browser) against the running assembly: navigation, language switch, right-to-left Arabic,
 * axe-core accessibility checks and the Nu HTML checker. Skips, saying why, where Chromium is absent.
 */
public class ViewerBrowserIT {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    @ClassRule
    public static final RunningAssembly KARAF = new RunningAssembly();

    private static WebDriver driver;

    @BeforeClass
    public static void startBrowser() throws IOException {
        assumeTrue("Debian's chromium and chromium-driver are not installed (apt-get install chromium chromium-driver);"
                + " browser tests skipped", CHROMIUM.canExecute() && CHROMEDRIVER.canExecute());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1100,1400",
                "--user-data-dir=" + Files.createTempDirectory("careleaf-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterClass
    public static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    private static String title(String id, String lang) throws IOException {
        try (InputStream in = new URL(KARAF.base() + "/careleaf/api/modules/" + id + "?lang=" + lang).openStream()) {
            return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject()
                    .get("title").getAsString();
        }
    }

    @Test
    public void indexThenLanguageSwitchThenModuleThenBack() throws IOException {
        driver.get(KARAF.base() + "/careleaf/?lang=en");
        assertEquals("en", driver.findElement(By.tagName("html")).getAttribute("lang"));
        driver.findElement(By.cssSelector("a[hreflang='es']")).click();
        assertEquals("es", driver.findElement(By.tagName("html")).getAttribute("lang"));
        String index = driver.getCurrentUrl();

        driver.findElement(By.cssSelector("main a[href*='/careleaf/modules/mpc-chemotherapy']")).click();
        assertEquals(title("mpc-chemotherapy", "es"), driver.findElement(By.tagName("h1")).getText());
        assertTrue(driver.getCurrentUrl().contains("/careleaf/modules/mpc-chemotherapy"));

        driver.navigate().back();
        assertEquals(index, driver.getCurrentUrl());
        assertEquals("es", driver.findElement(By.tagName("html")).getAttribute("lang"));
    }

    @Test
    public void arabicPagesAreRightToLeft() throws IOException {
        driver.get(KARAF.base() + "/careleaf/modules/mpc-overview?lang=ar");
        assertEquals("ar", driver.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals("rtl", driver.findElement(By.tagName("html")).getAttribute("dir"));
        assertEquals("rtl", driver.findElement(By.tagName("body")).getCssValue("direction"));
        assertEquals(title("mpc-overview", "ar"), driver.findElement(By.tagName("h1")).getText());
    }

    @Test
    public void noAccessibilityViolations() {
        for (String path : List.of("/careleaf/?lang=en", "/careleaf/modules/mpc-overview?lang=en",
                "/careleaf/modules/mpc-radiation?lang=ar")) {
            driver.get(KARAF.base() + path);
            Results results = new AxeBuilder()
                    .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"))
                    .analyze(driver);
            List<Rule> violations = results.getViolations();
            assertTrue(path + ": " + violations.stream().map(v -> v.getId() + " " + v.getHelp())
                    .collect(Collectors.joining("; ")), violations.isEmpty());
            assertTrue(path + " was checked", results.getPasses().size() > 10);
        }
    }

    @Test
    public void htmlPassesTheNuChecker() throws Exception {
        for (String path : List.of("/careleaf/?lang=en", "/careleaf/modules/mpc-overview?lang=en",
                "/careleaf/modules/mpc-bone-health?lang=ar")) {
            byte[] html;
            try (InputStream in = new URL(KARAF.base() + path).openStream()) {
                html = in.readAllBytes();
            }
            EmbeddedValidator validator = new EmbeddedValidator();
            validator.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
            String report = validator.validate(new ByteArrayInputStream(html));
            JsonArray messages = JsonParser.parseString(report).getAsJsonObject().getAsJsonArray("messages");
            StringBuilder errors = new StringBuilder();
            for (JsonElement m : messages) {
                String type = m.getAsJsonObject().get("type").getAsString();
                if (type.equals("error") || type.equals("non-document-error")) {
                    errors.append(m).append('\n');
                }
            }
            assertEquals(path + ":\n" + errors, 0, errors.length());
        }
    }
}
