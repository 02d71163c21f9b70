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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
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

    private static ChromeDriver driver;

    /** One page per script the shipped languages use, and the fonts the stylesheet names for it. */
    private static final List<String[]> SCRIPTS = List.of(
            new String[] {"en", "mpc-overview", "latin"},
            new String[] {"vi", "mpc-chemotherapy", "latin"},
            new String[] {"ru", "mpc-hormone-therapy", "cyrillic"},
            new String[] {"ar", "mpc-radiation", "Noto Naskh Arabic|Noto Sans Arabic"},
            new String[] {"hi", "mpc-bone-health", "Noto Sans Devanagari"},
            new String[] {"zh-Hans", "mpc-living-well", "Noto Sans CJK SC|Noto Sans SC"},
            new String[] {"zh-Hant", "mpc-outlook", "Noto Sans CJK TC|Noto Sans TC"},
            new String[] {"ja", "mpc-targeted-immunotherapy", "Noto Sans CJK JP|Noto Sans JP"},
            new String[] {"ko", "mpc-clinical-trials", "Noto Sans CJK KR|Noto Sans KR"});

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
        for (String path : pagesPerScript("/careleaf/?lang=en")) {
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
        for (String path : pagesPerScript("/careleaf/?lang=en", "/careleaf/?lang=zh-Hant")) {
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

    private static List<String> pagesPerScript(String... more) {
        List<String> paths = new ArrayList<>(List.of(more));
        for (String[] script : SCRIPTS) {
            paths.add("/careleaf/modules/" + script[1] + "?lang=" + script[0]);
        }
        return paths;
    }

    /**
     * Each script is drawn with a font the stylesheet names for it (Chromium tells which fonts it used for the
     * heading and the first paragraph), carries its lang and dir, fits a phone's width without cutting a word,
     * and leaves a screenshot in target/screenshots for a person to look at.
     */
    @Test
    public void everyScriptIsDrawnWithItsOwnFontsAndFitsAPhone() throws IOException {
        File shots = new File("target/screenshots");
        shots.mkdirs();
        driver.executeCdpCommand("DOM.enable", Map.of());
        driver.executeCdpCommand("CSS.enable", Map.of());
        try {
            for (String[] script : SCRIPTS) {
                String lang = script[0];
                driver.manage().window().setSize(new Dimension(1100, 1400));
                driver.get(KARAF.base() + "/careleaf/modules/" + script[1] + "?lang=" + lang);
                assertEquals(lang, driver.findElement(By.tagName("html")).getAttribute("lang"));
                assertEquals(lang.equals("ar") ? "rtl" : "ltr", driver.findElement(By.tagName("html")).getAttribute("dir"));
                assertEquals(title(script[1], lang), driver.findElement(By.tagName("h1")).getText());
                for (String selector : List.of("h1", "main p")) {
                    List<String> fonts = platformFonts(selector);
                    assertTrue(lang + " " + selector + " was drawn with no font", !fonts.isEmpty());
                    if (!script[2].equals("latin") && !script[2].equals("cyrillic")) {
                        boolean named = fonts.stream().anyMatch(f -> f.matches("(?i)" + script[2]));
                        assertTrue(lang + " " + selector + " was drawn with " + fonts + ", none of " + script[2], named);
                    }
                }
                Files.write(new File(shots, "viewer-" + lang + ".png").toPath(), driver.getScreenshotAs(OutputType.BYTES));

                driver.manage().window().setSize(new Dimension(360, 800));
                Object overflow = ((JavascriptExecutor) driver).executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertEquals(lang + ": the page is wider than a 360 px phone", 0L, ((Number) overflow).longValue());
                Object cut = ((JavascriptExecutor) driver).executeScript(
                        "return [...document.querySelectorAll('main *')].filter(e => {"
                        + " const s = getComputedStyle(e); return s.wordBreak === 'break-all' || s.hyphens === 'auto'; }).length;");
                assertEquals(lang + ": words may be cut in the middle", 0L, ((Number) cut).longValue());
                byte[] phone = driver.getScreenshotAs(OutputType.BYTES);
                Files.write(new File(shots, "viewer-" + lang + "-phone.png").toPath(), phone);
                assertTrue(lang + " screenshot is empty", phone.length > 10_000);
            }
        } finally {
            driver.manage().window().setSize(new Dimension(1100, 1400));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> platformFonts(String selector) {
        Map<String, Object> document = driver.executeCdpCommand("DOM.getDocument", Map.of("depth", 0));
        Object root = ((Map<String, Object>) document.get("root")).get("nodeId");
        Object node = driver.executeCdpCommand("DOM.querySelector", Map.of("nodeId", root, "selector", selector)).get("nodeId");
        List<Map<String, Object>> fonts = (List<Map<String, Object>>) driver.executeCdpCommand(
                "CSS.getPlatformFontsForNode", Map.of("nodeId", node)).get("fonts");
        return fonts.stream().filter(f -> ((Number) f.get("glyphCount")).intValue() > 0)
                .map(f -> String.valueOf(f.get("familyName")))
                .collect(Collectors.toList());
    }
}
