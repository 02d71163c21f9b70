package org.careleaf.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.inject.Inject;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.careleaf.admin.CatalogAdmin;
import org.careleaf.search.EducationSearch;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

/**
 * Search in the assembly as patients, nurses and hosts use it: REST and viewer in the reader's language,
 * bad input, escaping, a module updated and disabled at run time, synonym bundles swapped, the shell.
 * Lucene runs embedded in the search bundle here, codecs and all.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SearchIT extends CareleafTestSupport {

    private static final String OUTLOOK = "org.careleaf.content.mpc.outlook";
    private static final String SYNONYMS = "org.careleaf.synonyms";
    private static final String TEST_SYNONYMS = "org.careleaf.test.synonyms";

    /** Injected so that the tests begin once the search service is up (Pax Exam waits for it). */
    @Inject
    protected EducationSearch search;

    @Inject
    protected CatalogAdmin admin;

    @Configuration
    public Option[] config() {
        return careleafKaraf();
    }

    @After
    public void restore() throws Exception {
        enableEverything(admin);
        Bundle test = bundle(TEST_SYNONYMS);
        if (test != null) {
            test.uninstall();
        }
        Bundle shipped = bundle(SYNONYMS);
        if (shipped.getState() != Bundle.ACTIVE) {
            shipped.start();
        }
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static JsonObject searchApi(String query, String lang) {
        Answer a = get("/careleaf/api/search?q=" + q(query) + "&lang=" + lang);
        assertEquals(a.body(), 200, a.status());
        return a.json().getAsJsonObject();
    }

    private static List<String> hitIds(JsonObject result) {
        List<String> out = new ArrayList<>();
        for (JsonElement h : result.getAsJsonArray("hits")) {
            out.add(h.getAsJsonObject().get("module").getAsString() + "#" + h.getAsJsonObject().get("section").getAsString());
        }
        return out;
    }

    private static List<String> top(JsonObject result, int n) {
        List<String> ids = hitIds(result);
        return ids.subList(0, Math.min(n, ids.size()));
    }

    @Test
    public void hotFlashesFindTheHormoneTherapySection() {
        JsonObject r = searchApi("hot flashes", "en");
        assertEquals("en", r.get("locale").getAsString());
        List<String> top3 = top(r, 3);
        assertTrue(top3.toString(), top3.contains("mpc-hormone-therapy#side-effects")
                || top3.contains("mpc-hormone-therapy#managing-side-effects"));
        JsonObject first = r.getAsJsonArray("hits").get(0).getAsJsonObject();
        assertTrue(first.get("url").getAsString().startsWith("/careleaf/modules/mpc-hormone-therapy?lang=en#"));
        boolean marked = false;
        for (JsonElement f : first.getAsJsonArray("snippet")) {
            marked |= f.getAsJsonObject().get("match").getAsBoolean();
        }
        assertTrue(first.toString(), marked);
        assertTrue(r.get("total").getAsInt() >= r.getAsJsonArray("hits").size());
    }

    @Test
    public void aSpanishReaderSearchesTheSpanishText() {
        Answer a = get("/careleaf/api/search?q=" + q("sofocos"), "Accept-Language", "es-MX,es;q=0.9");
        assertEquals(a.body(), 200, a.status());
        assertEquals("es", a.header("Content-Language"));
        JsonObject r = a.json().getAsJsonObject();
        assertEquals("es", r.get("locale").getAsString());
        assertTrue(hitIds(r).toString(), top(r, 3).stream().anyMatch(s -> s.startsWith("mpc-hormone-therapy#")));
        JsonObject first = r.getAsJsonArray("hits").get(0).getAsJsonObject();
        assertEquals("es", first.get("locale").getAsString());
        assertTrue(first.get("url").getAsString().contains("lang=es#"));
    }

    @Test
    public void badInputIsA400WithTheReason() {
        Answer empty = get("/careleaf/api/search?q=");
        assertEquals(400, empty.status());
        JsonObject e = empty.json().getAsJsonObject().getAsJsonObject("error");
        assertEquals("bad-query", e.get("code").getAsString());
        assertEquals("the search text is empty", e.get("message").getAsString());

        Answer zero = get("/careleaf/api/search?q=psa&limit=0");
        assertEquals(400, zero.status());
        assertTrue(zero.body(), zero.json().getAsJsonObject().getAsJsonObject("error").get("message").getAsString()
                .contains("limit"));

        Answer tooLong = get("/careleaf/api/search?q=" + "a".repeat(201));
        assertEquals(400, tooLong.status());
        assertTrue(tooLong.body(), tooLong.json().getAsJsonObject().getAsJsonObject("error").get("message").getAsString()
                .contains("200"));

        // query syntax typed by a reader is just text
        for (String s : List.of("hot AND (flashes", "\"psa", "bone:pain*", "title.en:psa~", "+-&&||!(){}[]^\"~*?:\\/")) {
            assertEquals(s, 200, get("/careleaf/api/search?q=" + q(s)).status());
        }
    }

    @Test
    public void theViewerSearchPageLinksToTheSections() {
        Answer page = get("/careleaf/search?q=" + q("hot flashes") + "&lang=en");
        assertEquals(page.body(), 200, page.status());
        assertTrue(page.header("Content-Type"), page.header("Content-Type").startsWith("text/html"));
        assertTrue(page.body(), page.body().contains("href=\"/careleaf/modules/mpc-hormone-therapy?lang=en#"));
        assertTrue(page.body(), page.body().contains("<mark>"));
    }

    @Test
    public void anUpdatedModuleIsSearchableAndItsTextIsEscaped() throws Exception {
        Bundle outlook = bundle(OUTLOOK);
        String shipped = entry(outlook, "content/mpc-outlook.json");
        String version = outlook.getVersion().toString();
        JsonObject changed = JsonParser.parseString(shipped).getAsJsonObject();
        changed.addProperty("version", "9.8.0");
        JsonObject first = changed.getAsJsonArray("sections").get(0).getAsJsonObject();
        JsonObject block = new JsonObject();
        block.addProperty("id", first.get("id").getAsString() + "-zorblaxine");
        block.addProperty("type", "paragraph");
        block.addProperty("text", "Zorblaxine is a test word: dose 5 < 7 & \"more\".");
        first.getAsJsonArray("blocks").add(block);
        try {
            outlook.update(dataBundle(OUTLOOK, "9.8.0", "Careleaf-Content", "content", "mpc-outlook.json",
                    changed.toString()));
            await("the new word is searchable", seconds(30),
                    () -> hitIds(searchApi("zorblaxine", "en")).contains("mpc-outlook#" + first.get("id").getAsString()));

            JsonObject r = searchApi("zorblaxine", "en");
            StringBuilder text = new StringBuilder();
            for (JsonElement f : r.getAsJsonArray("hits").get(0).getAsJsonObject().getAsJsonArray("snippet")) {
                text.append(f.getAsJsonObject().get("text").getAsString());
            }
            assertTrue(text.toString(), text.toString().contains("dose 5 < 7 & \"more\""));
            String html = get("/careleaf/search?q=zorblaxine&lang=en").body();
            assertTrue(html, html.contains("5 &lt; 7 &amp; &quot;more&quot;") || html.contains("5 &lt; 7 &amp; &#34;more&#34;"));
            assertFalse(html, html.contains("5 < 7"));
        } finally {
            outlook.update(dataBundle(OUTLOOK, version, "Careleaf-Content", "content", "mpc-outlook.json", shipped));
        }
        await("the word is gone with the shipped version", seconds(30),
                () -> searchApi("zorblaxine", "en").get("total").getAsInt() == 0);
    }

    @Test
    public void aDisabledModuleIsGoneFromSearch() throws Exception {
        assertTrue(hitIds(searchApi("Xofigo", "en")).stream().anyMatch(s -> s.startsWith("mpc-radiation#")));
        String out = shell("careleaf:disable mpc-radiation", "admin", "admin");
        assertTrue(out, out.contains("mpc-radiation is disabled"));
        await("mpc-radiation gone from search", seconds(30),
                () -> hitIds(searchApi("Xofigo", "en")).stream().noneMatch(s -> s.startsWith("mpc-radiation#")));
        shell("careleaf:enable mpc-radiation", "admin", "admin");
        await("mpc-radiation back in search", seconds(30),
                () -> hitIds(searchApi("Xofigo", "en")).stream().anyMatch(s -> s.startsWith("mpc-radiation#")));
    }

    @Test
    public void synonymBundlesAreSwappedAtRunTime() throws Exception {
        // the shipped bundle's brand names
        assertTrue(hitIds(searchApi("Xtandi", "en")).contains("mpc-hormone-therapy#tablet-safety"));
        Bundle shipped = bundle(SYNONYMS);
        shipped.stop();
        await("brand names gone with the synonyms", seconds(30), () -> searchApi("Xtandi", "en").get("total").getAsInt() == 0);
        shipped.start();
        await("brand names back", seconds(30),
                () -> hitIds(searchApi("Xtandi", "en")).contains("mpc-hormone-therapy#tablet-safety"));

        // a hospital's own words, in a bundle of its own
        assertEquals(0, searchApi("zorblatt", "en").get("total").getAsInt());
        Bundle own = context.installBundle("test:synonyms", dataBundle(TEST_SYNONYMS, "1.0.0", "Careleaf-Synonyms",
                "synonyms", "en.txt", "# a hospital's own word\nzorblatt, hot flashes\n"));
        own.start();
        await("the hospital's word works", seconds(30), () -> top(searchApi("zorblatt", "en"), 3).stream()
                .anyMatch(s -> s.startsWith("mpc-hormone-therapy#")));
        // a broken update is refused; the rules it had keep serving
        own.update(dataBundle(TEST_SYNONYMS, "1.0.1", "Careleaf-Synonyms", "synonyms", "en.txt",
                "zorblatt, hot flashes\na => b => c\n"));
        assertEquals(Bundle.ACTIVE, own.getState());
        assertTrue(top(searchApi("zorblatt", "en"), 3).stream().anyMatch(s -> s.startsWith("mpc-hormone-therapy#")));
        own.uninstall();
        await("the hospital's word gone with its bundle", seconds(30),
                () -> searchApi("zorblatt", "en").get("total").getAsInt() == 0);
    }

    @Test
    public void luceneIsPrivateToTheSearchBundle() {
        Bundle b = bundle("org.careleaf.search");
        assertEquals(Bundle.ACTIVE, b.getState());
        assertTrue(b.getHeaders().get("Bundle-ClassPath"), b.getHeaders().get("Bundle-ClassPath").contains("lib/lucene-core.jar"));
        org.osgi.framework.wiring.BundleWiring wiring = b.adapt(org.osgi.framework.wiring.BundleWiring.class);
        assertTrue("the search bundle exports nothing",
                wiring.getCapabilities(org.osgi.framework.wiring.BundleRevision.PACKAGE_NAMESPACE).isEmpty());
        for (Bundle other : context.getBundles()) {
            org.osgi.framework.wiring.BundleWiring w = other.adapt(org.osgi.framework.wiring.BundleWiring.class);
            if (w != null) {
                for (var c : w.getCapabilities(org.osgi.framework.wiring.BundleRevision.PACKAGE_NAMESPACE)) {
                    String pkg = String.valueOf(c.getAttributes().get(org.osgi.framework.wiring.BundleRevision.PACKAGE_NAMESPACE));
                    assertFalse(other.getSymbolicName() + " exports " + pkg, pkg.startsWith("org.apache.lucene"));
                }
            }
        }
        // Lucene's codecs, found through META-INF/services inside the bundle, wrote and read the index
        assertTrue(searchApi("psa", "en").get("total").getAsInt() > 0);
    }

    @Test
    public void theShellSearchesAsAReader() throws Exception {
        String out = shell("careleaf:search --lang en --limit 3 hot flashes", "nurse", "viewer");
        assertTrue(out, out.contains("mpc-hormone-therapy#"));
        assertTrue(out, out.contains(" in en for \"hot flashes\""));
        String es = shell("careleaf:search --lang es sofocos", "nurse", "viewer");
        assertTrue(es, es.contains(" in es for \"sofocos\""));
    }
}
