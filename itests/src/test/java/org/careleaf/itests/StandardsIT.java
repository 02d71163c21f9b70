package org.careleaf.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.inject.Inject;
import javax.xml.parsers.DocumentBuilderFactory;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.careleaf.admin.Actor;
import org.careleaf.admin.CatalogAdmin;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.w3c.dom.Document;

/**
 * HL7 Infobutton over HTTP, with requests in the form EHRs send them. (CDS Hooks is the
 * {@code org.careleaf.cdshooks} bundle's, tested there.)
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StandardsIT extends CareleafTestSupport {

    private static final String ICD10CM = "2.16.840.1.113883.6.90";

    @Inject
    protected CatalogAdmin admin;

    @Configuration
    public Option[] config() {
        return careleafKaraf();
    }

    private static List<String> moduleIds(JsonObject feed) {
        List<String> ids = new ArrayList<>();
        for (JsonElement e : feed.getAsJsonObject("feed").getAsJsonArray("entry")) {
            ids.add(e.getAsJsonObject().get("moduleId").getAsString());
        }
        return ids;
    }

    @Test
    public void infobuttonFindsProstateCancerModulesInSpanish() {
        Answer a = get("/careleaf/api/infobutton?mainSearchCriteria.v.c=C61&mainSearchCriteria.v.cs=" + ICD10CM
                + "&mainSearchCriteria.v.dn=Malignant%20neoplasm%20of%20prostate&informationRecipient=PAT"
                + "&informationRecipient.languageCode.c=es-MX");
        assertEquals(a.body(), 200, a.status());
        assertEquals("es", a.header("Content-Language"));
        JsonObject feed = a.json().getAsJsonObject();
        assertEquals(9, moduleIds(feed).size());
        assertEquals("mpc-overview", moduleIds(feed).get(0));
        JsonObject first = feed.getAsJsonObject("feed").getAsJsonArray("entry").get(0).getAsJsonObject();
        assertEquals(catalog.view("es").module("mpc-overview").orElseThrow().content().title(),
                first.getAsJsonObject("title").get("_value").getAsString());
        String href = first.getAsJsonArray("link").get(0).getAsJsonObject().get("href").getAsString();
        assertTrue(href, href.endsWith("/careleaf/modules/mpc-overview?lang=es"));
        assertEquals("the link opens the viewer", 200, get(href.substring(href.indexOf("/careleaf"))).status());
    }

    @Test
    public void infobuttonAnswersAtomXmlAndFiltersByDrugCode() throws Exception {
        Answer a = get("/careleaf/api/infobutton?mainSearchCriteria.v.c=L02BB04&mainSearchCriteria.v.cs="
                + "2.16.840.1.113883.6.73&knowledgeResponseType=text/xml");
        assertEquals(a.body(), 200, a.status());
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document xml = f.newDocumentBuilder().parse(new ByteArrayInputStream(a.body().getBytes(StandardCharsets.UTF_8)));
        assertEquals("http://www.w3.org/2005/Atom", xml.getDocumentElement().getNamespaceURI());
        int entries = xml.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").getLength();
        assertEquals(catalog.view("en").modulesFor(java.util.List.of(new org.careleaf.model.Code("2.16.840.1.113883.6.73", "L02BB04", null)), java.util.List.of()).modules().size(), entries);
        assertTrue(a.body().contains("mpc-hormone-therapy"));
    }

    @Test
    public void infobuttonSubtopicNarrowsToTheModulesThatDeclareIt() {
        Answer a = get("/careleaf/api/infobutton?mainSearchCriteria.v.c=C61&mainSearchCriteria.v.cs=" + ICD10CM
                + "&subTopic.v.c=20481000&subTopic.v.cs=2.16.840.1.113883.6.96");
        assertEquals(a.body(), 200, a.status());
        assertEquals(List.of("mpc-outlook"), moduleIds(a.json().getAsJsonObject()));
        Answer therapy = get("/careleaf/api/infobutton?mainSearchCriteria.v.c=C61&mainSearchCriteria.v.cs=" + ICD10CM
                + "&subTopic.v.c=Q000628&subTopic.v.cs=2.16.840.1.113883.6.177");
        List<String> expected = catalog.view("en").modulesFor(List.of(new org.careleaf.model.Code(ICD10CM, "C61", null)),
                List.of(new org.careleaf.model.Code("2.16.840.1.113883.6.177", "Q000628", "therapy"))).modules().stream()
                .map(v -> v.id()).toList();
        assertEquals(expected, moduleIds(therapy.json().getAsJsonObject()));
        assertTrue(expected.contains("mpc-radiation") && !expected.contains("mpc-living-well"));
    }

    @Test
    public void infobuttonUnknownCodeIsAnEmptyFeedAndBadRequestsAre400() {
        Answer none = get("/careleaf/api/infobutton?mainSearchCriteria.v.c=J45&mainSearchCriteria.v.cs=" + ICD10CM);
        assertEquals(200, none.status());
        assertEquals(0, moduleIds(none.json().getAsJsonObject()).size());
        Answer missing = get("/careleaf/api/infobutton?mainSearchCriteria.v.cs=" + ICD10CM);
        assertEquals(400, missing.status());
        assertTrue(missing.body().contains("missing-code"));
        assertEquals(400, get("/careleaf/api/infobutton?mainSearchCriteria.v.c=C61&mainSearchCriteria.v.cs=" + ICD10CM
                + "&knowledgeResponseType=text/html").status());
    }

    @Test
    public void aDisabledModuleVanishesFromEverySurface() {
        Actor actor = new Actor("test", "shell", "StandardsIT");
        admin.setEnabled("mpc-outlook", false, actor);
        try {
            assertEquals(404, get("/careleaf/api/modules/mpc-outlook").status());
            assertEquals(404, get("/careleaf/modules/mpc-outlook").status());
            assertTrue(!get("/careleaf/").body().contains("/careleaf/modules/mpc-outlook"));
            Answer feed = get("/careleaf/api/infobutton?mainSearchCriteria.v.c=C61&mainSearchCriteria.v.cs=" + ICD10CM);
            assertTrue(!moduleIds(feed.json().getAsJsonObject()).contains("mpc-outlook"));
        } finally {
            admin.setEnabled("mpc-outlook", true, actor);
        }
        assertEquals(200, get("/careleaf/modules/mpc-outlook").status());
    }
}
