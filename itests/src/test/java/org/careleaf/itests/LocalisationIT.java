package org.careleaf.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.careleaf.model.Completeness;
import org.careleaf.model.TranslationStatus;
import org.careleaf.model.ModuleView;
import org.careleaf.model.Problem;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

/** Languages over HTTP: resolution, honest fallback, staleness, completeness, bundles coming and going. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LocalisationIT extends CareleafTestSupport {

    private static final List<String> SHIPPED_LOCALES = List.of("en", "ar", "de", "es", "fr", "hi", "ht", "it", "ja", "ko",
            "pl", "pt", "ru", "tl", "vi", "zh-Hans", "zh-Hant");


    private static final String OVERVIEW = "org.careleaf.content.mpc.overview";
    private static final String SPANISH = "org.careleaf.l10n.es";

    @Configuration
    public Option[] config() {
        return careleafKaraf();
    }

    private Map<String, String> shippedOverview;
    private Map<String, String> shippedSpanish;

    @Before
    public void rememberShipped() {
        shippedOverview = entries(bundle(OVERVIEW), "content");
        shippedSpanish = entries(bundle(SPANISH), "l10n");
    }

    @After
    public void restoreShipped() throws Exception {
        bundle(OVERVIEW).update(dataBundle(OVERVIEW, "1.0.0", "Careleaf-Content", "content", shippedOverview));
        bundle(SPANISH).update(dataBundle(SPANISH, "1.0.0", "Careleaf-Localisation", "l10n", shippedSpanish));
    }

    private static String servedLocale(String path, String... headers) {
        Answer a = get(path, headers);
        assertEquals(a.body(), 200, a.status());
        String body = a.json().getAsJsonObject().get("locale").getAsString();
        assertEquals("Content-Language matches the body", body, a.header("Content-Language"));
        return body;
    }

    @Test
    public void languageComesFromLangThenAcceptLanguageThenTheDefault() {
        // the assembly boots English and its sixteen translations
        assertEquals(SHIPPED_LOCALES, catalog.view(null).locales());
        assertEquals("de", servedLocale("/careleaf/api/modules?lang=de"));
        assertEquals("es", servedLocale("/careleaf/api/modules", "Accept-Language", "es-MX,es;q=0.9,en;q=0.5"));
        assertEquals("lang wins over the header", "fr",
                servedLocale("/careleaf/api/modules?lang=fr", "Accept-Language", "es"));
        assertEquals("fr", servedLocale("/careleaf/api/modules", "Accept-Language", "sv;q=0.9, fr-CA;q=0.8"));
        assertEquals("ar", servedLocale("/careleaf/api/modules/mpc-bone-health", "Accept-Language", "ar-EG"));
        assertEquals("en", servedLocale("/careleaf/api/modules", "Accept-Language", "sv"));
        assertEquals("zh-Hant", servedLocale("/careleaf/api/modules", "Accept-Language", "zh-TW"));
        assertEquals("pt", servedLocale("/careleaf/api/modules", "Accept-Language", "pt-BR"));
        assertEquals("tl", servedLocale("/careleaf/api/modules?lang=fil"));
        assertEquals("en", servedLocale("/careleaf/api/modules", "Accept-Language", "es;q=banana"));
        assertEquals("en", servedLocale("/careleaf/api/modules?lang=zz"));
        Answer bad = get("/careleaf/api/modules?lang=es%3Bq%3D1");
        assertEquals(400, bad.status());
        assertTrue(bad.body().contains("bad-language"));
    }

    @Test
    public void apiErrorsSpeakTheReadersLanguage() {
        Answer a = get("/careleaf/api/modules/no-such-module?lang=de");
        assertEquals(404, a.status());
        JsonObject error = a.json().getAsJsonObject().getAsJsonObject("error");
        assertEquals("de", error.get("locale").getAsString());
        assertEquals("de", a.header("Content-Language"));
        String german = error.get("text").getAsString();
        JsonObject english = get("/careleaf/api/modules/no-such-module").json().getAsJsonObject().getAsJsonObject("error");
        assertEquals("en", english.get("locale").getAsString());
        assertNotEquals(english.get("text").getAsString(), german);
        assertTrue(error.get("message").getAsString().contains("no-such-module"));
        Answer bad = get("/careleaf/api/modules?lang=%3Cx%3E", "Accept-Language", "ar");
        assertEquals(400, bad.status());
        assertEquals("ar", bad.json().getAsJsonObject().getAsJsonObject("error").get("locale").getAsString());
    }

    @Test
    public void spanishModuleIsFullyTranslatedAndSaysHowItWasMade() {
        JsonObject m = get("/careleaf/api/modules/mpc-chemotherapy?lang=es").json().getAsJsonObject();
        assertEquals("es", m.get("locale").getAsString());
        JsonObject t = m.getAsJsonObject("translation");
        assertEquals("machine-assisted", t.get("status").getAsString());
        assertEquals(0, t.getAsJsonArray("fallback").size());
        assertEquals("fernandez-huerta", m.getAsJsonObject("readability").get("formula").getAsString());
        JsonObject ar = get("/careleaf/api/modules/mpc-chemotherapy?lang=ar").json().getAsJsonObject();
        assertTrue(ar.getAsJsonObject("readability").get("formula") == null
                || ar.getAsJsonObject("readability").get("formula").isJsonNull());
    }

    @Test
    public void englishUpdateMarksExactlyTheChangedBlockStaleAndServesItInEnglish() throws Exception {
        JsonObject en = JsonParser.parseString(shippedOverview.get("mpc-overview.json")).getAsJsonObject();
        JsonObject firstBlock = en.getAsJsonArray("sections").get(0).getAsJsonObject().getAsJsonArray("blocks").get(0)
                .getAsJsonObject();
        String blockId = firstBlock.get("id").getAsString();
        firstBlock.addProperty("text", firstBlock.get("text").getAsString() + " Your care team can explain more.");
        en.addProperty("version", "9.0.1");
        Map<String, String> files = new HashMap<>(shippedOverview);
        files.put("mpc-overview.json", en.toString());
        bundle(OVERVIEW).update(dataBundle(OVERVIEW, "1.0.1", "Careleaf-Content", "content", files));

        JsonObject es = get("/careleaf/api/modules/mpc-overview?lang=es").json().getAsJsonObject();
        JsonObject t = es.getAsJsonObject("translation");
        assertEquals("[\"" + blockId + "\"]", t.getAsJsonArray("stale").toString());
        assertEquals("[\"" + blockId + "\"]", t.getAsJsonArray("fallback").toString());
        JsonObject served = es.getAsJsonArray("sections").get(0).getAsJsonObject().getAsJsonArray("blocks").get(0)
                .getAsJsonObject();
        assertTrue("the stale block is served in English", served.get("text").getAsString()
                .endsWith("Your care team can explain more."));
        JsonObject second = es.getAsJsonArray("sections").get(0).getAsJsonObject().getAsJsonArray("blocks").get(1)
                .getAsJsonObject();
        JsonObject secondEn = en.getAsJsonArray("sections").get(0).getAsJsonObject().getAsJsonArray("blocks").get(1)
                .getAsJsonObject();
        assertNotEquals("the other blocks stay translated", secondEn.toString(), second.toString());

        Completeness c = catalog.view("es").completeness().stream()
                .filter(x -> x.module().equals("mpc-overview") && x.locale().equals("es")).findFirst().orElseThrow();
        assertEquals(1, c.stale());
        assertEquals(c.total() - 1, c.translated());
        JsonArray matrix = get("/careleaf/api/translations").json().getAsJsonObject().getAsJsonArray("translations");
        boolean found = false;
        for (JsonElement e : matrix) {
            JsonObject o = e.getAsJsonObject();
            if (o.get("module").getAsString().equals("mpc-overview") && o.get("locale").getAsString().equals("es")) {
                assertEquals(1, o.get("stale").getAsInt());
                found = true;
            }
        }
        assertTrue(found);
    }

    @Test
    public void completenessCoversEveryModuleInEveryLanguage() {
        List<Completeness> all = new java.util.ArrayList<>();
        for (String l : List.of("ar", "de", "es", "fr")) {
            all.addAll(catalog.view(l).completeness());
        }
        assertEquals(36, all.size());
        for (Completeness c : all) {
            assertEquals(c.toString(), c.total(), c.translated());
            assertEquals(TranslationStatus.MACHINE_ASSISTED, c.status());
        }
        JsonArray langs = get("/careleaf/api/languages").json().getAsJsonObject().getAsJsonArray("languages");
        assertEquals(SHIPPED_LOCALES.size(), langs.size());
    }

    @Test
    public void malformedTranslationIsRefusedAndThePreviousOneKeepsServing() throws Exception {
        String title = catalog.view("es").module("mpc-overview").orElseThrow().content().title();
        Map<String, String> files = new HashMap<>(shippedSpanish);
        files.put("mpc-overview.es.json", files.get("mpc-overview.es.json").replace("\"blocks\"", "\"blocs\""));
        bundle(SPANISH).update(dataBundle(SPANISH, "1.0.1", "Careleaf-Localisation", "l10n", files));

        Problem p = catalog.view(null).problems().stream().filter(x -> x.bundle().startsWith(SPANISH)).findFirst().orElseThrow();
        assertEquals("l10n/mpc-overview.es.json", p.file());
        assertTrue(p.describe(), p.message().contains("serving the last good translation"));
        ModuleView v = catalog.view("es").module("mpc-overview").orElseThrow();
        assertEquals("es", v.locale());
        assertEquals(title, v.content().title());
        assertEquals("es", catalog.view("es").module("mpc-radiation").orElseThrow().locale());
    }

    @Test
    public void languageBundleComesAndGoesAtRuntime() throws Exception {
        Bundle french = bundle("org.careleaf.l10n.fr");
        String location = french.getLocation();
        french.uninstall();
        assertFalse(catalog.view(null).locales().contains("fr"));
        assertEquals("en", servedLocale("/careleaf/api/modules?lang=fr"));
        Bundle again = context.installBundle(location);
        again.start();
        assertTrue(catalog.view(null).locales().contains("fr"));
        assertEquals("fr", servedLocale("/careleaf/api/modules/mpc-outlook?lang=fr"));
    }
}
