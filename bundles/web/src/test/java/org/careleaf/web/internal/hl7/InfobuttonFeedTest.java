package org.careleaf.web.internal.hl7;

import org.careleaf.catalog.internal.library.TestCatalog;
import org.careleaf.web.internal.http.Libraries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class InfobuttonFeedTest {

    private static final String ICD = "2.16.840.1.113883.6.90";
    private static final String ORIGIN = "https://ehr.example.org:8443";
    private final TestCatalog catalog = Libraries.clinicalCodes();

    private static InfobuttonRequest request(String... nameValue) throws RequestRejected {
        Map<String, String[]> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            m.put(nameValue[i], new String[] {nameValue[i + 1]});
        }
        return InfobuttonRequest.parse(m);
    }

    private JsonObject jsonFeed(InfobuttonRequest r) {
        String json = InfobuttonFeed.json(InfobuttonFeed.build(r, catalog.view(r.language()), ORIGIN, "/careleaf"));
        return JsonParser.parseString(json).getAsJsonObject().getAsJsonObject("feed");
    }

    private static List<String> moduleIds(JsonObject feed) {
        List<String> ids = new ArrayList<>();
        for (JsonElement e : feed.getAsJsonArray("entry")) {
            ids.add(e.getAsJsonObject().get("moduleId").getAsString());
        }
        return ids;
    }

    @Test
    void prostateCancerByIcd10CmOidInSpanish() throws Exception {
        JsonObject feed = jsonFeed(request("mainSearchCriteria.v.c", "C61", "mainSearchCriteria.v.cs", ICD,
                "mainSearchCriteria.v.dn", "Malignant neoplasm of prostate",
                "informationRecipient.languageCode.c", "es-MX"));
        assertEquals("es", feed.get("lang").getAsString());
        assertEquals(List.of("mpc-overview", "mpc-outlook", "mpc-hormone-therapy", "mpc-chemotherapy",
                "mpc-radiation", "mpc-bone-health", "mpc-targeted-immunotherapy", "mpc-living-well",
                "mpc-clinical-trials"), moduleIds(feed));
        JsonObject first = feed.getAsJsonArray("entry").get(0).getAsJsonObject();
        assertEquals("Cáncer de próstata metastásico: visión general",
                first.getAsJsonObject("title").get("_value").getAsString());
        assertEquals("text", first.getAsJsonObject("title").get("type").getAsString());
        assertEquals("es", first.get("lang").getAsString());
        JsonArray links = first.getAsJsonArray("link");
        JsonObject html = links.get(0).getAsJsonObject();
        assertEquals(ORIGIN + "/careleaf/modules/mpc-overview?lang=es", html.get("href").getAsString());
        assertEquals("alternate", html.get("rel").getAsString());
        assertEquals("text/html", html.get("type").getAsString());
        assertEquals("es", html.get("hreflang").getAsString());
        assertEquals(ORIGIN + "/careleaf/api/modules/mpc-overview?lang=es",
                links.get(1).getAsJsonObject().get("href").getAsString());
        assertEquals("2026-11-11T00:00:00Z", first.getAsJsonObject("updated").get("_value").getAsString());
        assertTrue(first.getAsJsonObject("id").get("_value").getAsString().startsWith("urn:uuid:"));
        assertTrue(feed.getAsJsonObject("subtitle").get("_value").getAsString()
                .contains("ICD-10-CM C61 (Malignant neoplasm of prostate)"));

        // a module without a Spanish translation is served in English and says so
        JsonObject outlook = feed.getAsJsonArray("entry").get(1).getAsJsonObject();
        assertEquals("en", outlook.get("lang").getAsString());
        assertEquals("missing", outlook.get("translationStatus").getAsString());
        assertEquals(ORIGIN + "/careleaf/modules/mpc-outlook?lang=es",
                outlook.getAsJsonArray("link").get(0).getAsJsonObject().get("href").getAsString());

        // the request is echoed as categories
        List<String> echo = new ArrayList<>();
        feed.getAsJsonArray("category").forEach(c -> echo.add(c.getAsJsonObject().get("scheme").getAsString() + "="
                + c.getAsJsonObject().get("term").getAsString()));
        assertTrue(echo.containsAll(List.of("mainSearchCriteria.v.c=C61", "mainSearchCriteria.v.cs=" + ICD,
                "mainSearchCriteria.v.dn=Malignant neoplasm of prostate", "informationRecipient=PAT",
                "informationRecipient.languageCode.c=es-MX", "knowledgeResponseType=application/json")), echo::toString);
    }

    @Test
    void twoCodesGiveTheUnionInModuleOrderWithoutDuplicates() throws Exception {
        JsonObject feed = jsonFeed(request("mainSearchCriteria.v.c", "C79.51", "mainSearchCriteria.v.cs", ICD,
                "mainSearchCriteria.v.c1", "z19.2", "mainSearchCriteria.v.cs1", ICD));
        assertEquals(List.of("mpc-overview", "mpc-hormone-therapy", "mpc-chemotherapy", "mpc-radiation",
                "mpc-bone-health", "mpc-targeted-immunotherapy"), moduleIds(feed));
        assertEquals("en", feed.get("lang").getAsString());
    }

    @Test
    void unknownCodeGivesAnEmptyFeed() throws Exception {
        JsonObject feed = jsonFeed(request("mainSearchCriteria.v.c", "J45.909", "mainSearchCriteria.v.cs", ICD));
        assertEquals(0, feed.getAsJsonArray("entry").size());
        assertFalse(feed.has("note"));
        assertEquals("2026-11-19T00:00:00Z", feed.getAsJsonObject("updated").get("_value").getAsString(),
                "an empty feed is as new as the newest module");
    }

    @Test
    void unknownCodeSystemGivesAnEmptyFeedWithANote() throws Exception {
        JsonObject feed = jsonFeed(request("mainSearchCriteria.v.c", "C61", "mainSearchCriteria.v.cs",
                "2.16.840.1.113883.6.103"));
        assertEquals(0, feed.getAsJsonArray("entry").size());
        assertTrue(feed.getAsJsonArray("note").get(0).getAsJsonObject().get("_value").getAsString()
                .contains("2.16.840.1.113883.6.103"));
    }

    @Test
    void therapySubtopicKeepsTheModulesThatDeclareIt() throws Exception {
        JsonObject feed = jsonFeed(request("mainSearchCriteria.v.c", "C61", "mainSearchCriteria.v.cs", ICD,
                "subTopic.v.c", "Q000628", "subTopic.v.cs", "2.16.840.1.113883.6.177"));
        assertEquals(List.of("mpc-hormone-therapy", "mpc-chemotherapy", "mpc-radiation", "mpc-bone-health",
                "mpc-targeted-immunotherapy"), moduleIds(feed));
    }

    @Test
    void prognosisSubtopicKeepsTheOutlook() throws Exception {
        JsonObject feed = jsonFeed(request("mainSearchCriteria.v.c", "C61", "mainSearchCriteria.v.cs", ICD,
                "subTopic.v.c", "20481000", "subTopic.v.cs", "2.16.840.1.113883.6.96"));
        assertEquals(List.of("mpc-outlook"), moduleIds(feed));
    }

    @Test
    void unknownSubtopicIsIgnoredAndSaid() throws Exception {
        JsonObject feed = jsonFeed(request("mainSearchCriteria.v.c", "C61", "mainSearchCriteria.v.cs", ICD,
                "subTopic.v.c", "Q000633", "subTopic.v.cs", "2.16.840.1.113883.6.177"));
        assertEquals(9, feed.getAsJsonArray("entry").size());
        assertTrue(feed.getAsJsonArray("note").get(0).getAsJsonObject().get("_value").getAsString()
                .contains("Q000633"));
    }

    @Test
    void atomXmlIsWellFormedNamespacedAndEscaped() throws Exception {
        InfobuttonRequest r = request("mainSearchCriteria.v.c", "C61", "mainSearchCriteria.v.cs", ICD,
                "mainSearchCriteria.v.dn", "<b>prostate</b> & \"friends\"", "knowledgeResponseType", "text/xml",
                "informationRecipient.languageCode.c", "es", "subTopic.v.c", "Q999999");
        String xml = AtomXml.write(InfobuttonFeed.build(r, catalog.view("es"), ORIGIN, "/careleaf"));

        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder b = f.newDocumentBuilder();
        Document doc = b.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));

        Element feed = doc.getDocumentElement();
        assertEquals(InfobuttonFeed.ATOM_NS, feed.getNamespaceURI());
        assertEquals("feed", feed.getLocalName());
        assertEquals("es", feed.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang"));
        NodeList entries = feed.getElementsByTagNameNS(InfobuttonFeed.ATOM_NS, "entry");
        assertEquals(9, entries.getLength());
        Element first = (Element) entries.item(0);
        assertEquals("Cáncer de próstata metastásico: visión general",
                first.getElementsByTagNameNS(InfobuttonFeed.ATOM_NS, "title").item(0).getTextContent());
        Element link = (Element) first.getElementsByTagNameNS(InfobuttonFeed.ATOM_NS, "link").item(0);
        assertEquals(ORIGIN + "/careleaf/modules/mpc-overview?lang=es", link.getAttribute("href"));
        assertEquals("mpc-overview",
                first.getElementsByTagNameNS(InfobuttonFeed.CARELEAF_NS, "moduleId").item(0).getTextContent());
        assertEquals(1, feed.getElementsByTagNameNS(InfobuttonFeed.CARELEAF_NS, "note").getLength());

        // the display name comes back as text, never as markup
        String subtitle = feed.getElementsByTagNameNS(InfobuttonFeed.ATOM_NS, "subtitle").item(0).getTextContent();
        assertTrue(subtitle.contains("(<b>prostate</b> & \"friends\")"), subtitle);
        assertEquals(0, feed.getElementsByTagName("b").getLength());
        boolean echoed = false;
        NodeList categories = feed.getElementsByTagNameNS(InfobuttonFeed.ATOM_NS, "category");
        for (int i = 0; i < categories.getLength(); i++) {
            Element c = (Element) categories.item(i);
            echoed |= c.getAttribute("scheme").equals("mainSearchCriteria.v.dn")
                    && c.getAttribute("term").equals("<b>prostate</b> & \"friends\"");
        }
        assertTrue(echoed);
    }

    @Test
    void summariesLoseTheBoldMarkup() throws Exception {
        JsonObject feed = jsonFeed(request("mainSearchCriteria.v.c", "M05BA08", "mainSearchCriteria.v.cs",
                "2.16.840.1.113883.6.73"));
        assertEquals("Keeping bones strong, and jaw care.", feed.getAsJsonArray("entry").get(0).getAsJsonObject()
                .getAsJsonObject("summary").get("_value").getAsString());
    }
}
