package org.careleaf.fhir.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.careleaf.catalog.internal.library.TestCatalog;
import org.careleaf.model.CatalogView;
import org.careleaf.model.EducationCatalog;
import org.careleaf.model.ModuleDocument;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/**
 * The FHIR view over the real catalog library holding the shipped modules and every shipped translation, through a fake HTTP exchange. Every answer, errors included, goes through the HL7 FHIR
 * validator and must have no error.
 */
class FhirServletTest {

    /** English first, then every shipped translation's language in the catalog's order. */
    private static final List<String> LOCALES = java.util.stream.Stream.concat(java.util.stream.Stream.of("en"),
            ShippedLibrary.translations().stream().map(t -> t.locale()).distinct().sorted()).toList();
    private static final int MODULES = ShippedLibrary.modules().size();
    /** Every module in every language: what a search without parameters finds. */
    private static final int ALL = MODULES * LOCALES.size();
    private static final ModuleDocument OVERVIEW = ShippedLibrary.modules().stream()
            .filter(m -> m.id().equals("mpc-overview")).findFirst().orElseThrow();
    /** The day the shipped modules were written (they share it), as FHIR's meta.lastUpdated gives it. */
    private static final String WRITTEN = OVERVIEW.review().writtenOn();
    private static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";

    private final TestCatalog catalog = ShippedLibrary.catalog();
    private final FhirServlet servlet = new FhirServlet(catalog);

    // CapabilityStatement ------------------------------------------------------------------------------

    @Test
    void metadataListsExactlyWhatIsSupported() throws Exception {
        FakeHttp h = get("/metadata");
        assertEquals(200, h.status);
        assertEquals("application/fhir+json;charset=utf-8", h.responseHeader("Content-Type"));
        CapabilityStatement cs = parse(h, CapabilityStatement.class);
        assertEquals("4.0.1", cs.getFhirVersion().toCode());
        assertEquals("http://ehr.example.org:8181/careleaf/fhir", cs.getImplementation().getUrl());
        assertEquals(1, cs.getRest().get(0).getResource().size());
        var r = cs.getRest().get(0).getResource().get(0);
        assertEquals("DocumentReference", r.getType());
        assertEquals(List.of("read", "search-type"), r.getInteraction().stream().map(i -> i.getCode().toCode()).toList());
        assertEquals(List.of("_id", "_lastUpdated", "code", "event", "language"),
                r.getSearchParam().stream().map(p -> p.getName()).toList());
    }

    // Read -------------------------------------------------------------------------------------------------

    @Test
    void readServesOneModuleInOneLanguage() throws Exception {
        FakeHttp h = get("/DocumentReference/mpc-overview-es");
        assertEquals(200, h.status);
        assertEquals("W/\"" + OVERVIEW.version() + "\"", h.responseHeader("ETag"));
        DocumentReference d = parse(h, DocumentReference.class);
        assertEquals("mpc-overview-es", d.getIdElement().getIdPart());
        assertEquals(OVERVIEW.version(), d.getMeta().getVersionId());
        assertEquals(WRITTEN + "T00:00:00Z", d.getMeta().getLastUpdatedElement().getValueAsString());
        assertEquals("current", d.getStatus().toCode());
        assertEquals("preliminary", d.getDocStatus().toCode(), "not clinically reviewed: not final");
        assertEquals("34895-3", d.getType().getCodingFirstRep().getCode());
        assertFalse(d.hasSubject(), "library content is about no patient");
        assertEquals("es", d.getLanguage());
        assertEquals(2, d.getContent().size());
        // MIME types need a terminology server, which the offline validator has not: checked here
        assertEquals("text/html", d.getContent().get(0).getAttachment().getContentType());
        assertEquals("application/json", d.getContent().get(1).getAttachment().getContentType());
        assertEquals("http://ehr.example.org:8181/careleaf/modules/mpc-overview?lang=es",
                d.getContent().get(0).getAttachment().getUrl());
        assertEquals("http://ehr.example.org:8181/careleaf/api/modules/mpc-overview?lang=es",
                d.getContent().get(1).getAttachment().getUrl());
        d.getContent().forEach(c -> assertEquals("es", c.getAttachment().getLanguage()));
        assertEquals("DocumentReference/mpc-overview-en", d.getRelatesToFirstRep().getTarget().getReference());
        assertEquals("transforms", d.getRelatesToFirstRep().getCode().toCode());
        assertEquals(200, get("/" + d.getRelatesToFirstRep().getTarget().getReference()).status, "the source exists");
        assertTrue(d.getContext().getEvent().stream().anyMatch(e -> e.getCodingFirstRep().getSystem().equals(ICD10CM)
                && e.getCodingFirstRep().getCode().equals("C61")));
        assertTrue(d.getContext().getEvent().stream().anyMatch(e -> e.getCodingFirstRep().getSystem().equals("http://snomed.info/sct")));
        assertEquals("machine-assisted", tag(d, DocumentReferences.TRANSLATION_SYSTEM));
        assertEquals("not-clinically-reviewed", tag(d, DocumentReferences.REVIEW_SYSTEM));
    }

    @Test
    void theSourceLanguageHasNoTranslationRelation() throws Exception {
        DocumentReference d = parse(get("/DocumentReference/mpc-chemotherapy-en"), DocumentReference.class);
        assertFalse(d.hasRelatesTo());
        assertEquals("source", tag(d, DocumentReferences.TRANSLATION_SYSTEM));
        assertEquals("en", d.getContent().get(0).getAttachment().getLanguage());
    }

    @Test
    void aMissingTranslationSaysTheModuleIsServedInEnglish() throws Exception {
        ModuleDocument shipped = ShippedLibrary.modules().get(0);
        catalog.module(copy(shipped, "extra-module", 990));
        DocumentReference d = parse(get("/DocumentReference/extra-module-de"), DocumentReference.class);
        assertEquals("extra-module-de", d.getIdElement().getIdPart());
        assertEquals("en", d.getLanguage());
        d.getContent().forEach(c -> assertEquals("en", c.getAttachment().getLanguage(), "the language actually served"));
        assertTrue(d.getContent().get(0).getAttachment().getUrl().endsWith("lang=de"), "the reader's page, in German UI");
        assertEquals("missing", tag(d, DocumentReferences.TRANSLATION_SYSTEM));
        assertTrue(d.getMeta().getTag().stream().anyMatch(t -> t.getDisplay().contains("No translation into de")));
        assertFalse(d.hasRelatesTo());
    }

    @Test
    void unknownAndDisabledModulesAreNotFound() throws Exception {
        assertOutcome(get("/DocumentReference/no-such-module-en"), 404, "not-found");
        assertOutcome(get("/DocumentReference/mpc-overview-xx"), 404, "not-found");
        assertOutcome(get("/DocumentReference/bad%id"), 400, "invalid");
        catalog.disable("mpc-outlook");
        assertOutcome(get("/DocumentReference/mpc-outlook-en"), 404, "not-found");
        assertFalse(ids(search()).stream().anyMatch(id -> id.startsWith("mpc-outlook")), "disabled modules never appear");
        assertEquals((MODULES - 1) * LOCALES.size(), parse(search(), Bundle.class).getTotal());
    }

    // Search -------------------------------------------------------------------------------------------

    @Test
    void searchWithoutParametersServesEveryModuleInEveryLanguage() throws Exception {
        FakeHttp h = req("/DocumentReference").run(servlet);
        Bundle b = parse(h, Bundle.class);
        assertEquals("searchset", b.getType().toCode());
        assertEquals(ALL, b.getTotal());
        assertEquals(Math.min(ALL, SearchParams.DEFAULT_COUNT), b.getEntry().size(), "the default page");
        assertEquals(ALL > SearchParams.DEFAULT_COUNT, b.getLink("next") != null);
        assertEquals("http://ehr.example.org:8181/careleaf/fhir/DocumentReference", b.getLink("self").getUrl());
        List<String> ids = ids(h);
        assertEquals(LOCALES.subList(0, 5).stream().map(l -> "mpc-overview-" + l).toList(),
                ids.subList(0, 5), "the catalog's order, each module's languages together");
        b.getEntry().forEach(e -> {
            assertEquals("match", e.getSearch().getMode().toCode());
            assertEquals("http://ehr.example.org:8181/careleaf/fhir/DocumentReference/" + e.getResource().getIdElement().getIdPart(),
                    e.getFullUrl());
        });
    }

    @Test
    void codeSearchMatchesSystemAndCodeOrCodeAlone() throws Exception {
        assertEquals(ALL, parse(search("code", ICD10CM + "|C61"), Bundle.class).getTotal());
        assertEquals(ALL, parse(search("code", "urn:oid:2.16.840.1.113883.6.90|C61"), Bundle.class).getTotal());
        assertEquals(ALL, parse(search("event", "2.16.840.1.113883.6.90|c61"), Bundle.class).getTotal(), "codes ignore case, as the catalog");
        Set<String> bone = modules(search("code", "C79.51"));
        assertEquals(Set.of("mpc-overview", "mpc-bone-health", "mpc-radiation"), bone);
        assertEquals(bone, modules(search("code", ICD10CM + "|C79.51")));
        assertEquals(Set.of(), modules(search("code", "|C61")), "every code Careleaf holds has a system");
        assertEquals(Set.of(), modules(search("code", ICD10CM + "|Z99.9")));
        // OR within one parameter, AND across parameters
        Set<String> either = modules(search("code", ICD10CM + "|C79.51,http://snomed.info/sct|399068003"));
        assertTrue(either.containsAll(bone) && either.size() >= bone.size());
        FakeHttp both = req("/DocumentReference");
        both.param("code", ICD10CM + "|C61").param("event", "C79.51");
        assertEquals(bone, modules(both.run(servlet)));
    }

    @Test
    void anUnknownCodeSystemMatchesNothingAndSaysSo() throws Exception {
        Bundle b = parse(search("code", "http://example.org/codes|C61"), Bundle.class);
        assertEquals(0, b.getTotal());
        assertEquals(1, b.getEntry().size());
        assertEquals("outcome", b.getEntryFirstRep().getSearch().getMode().toCode());
        assertTrue(((OperationOutcome) b.getEntryFirstRep().getResource()).getIssueFirstRep().getDiagnostics()
                .contains("not one Careleaf indexes"));
    }

    @Test
    void languageSearchResolvesAsTheCatalogDoes() throws Exception {
        assertEquals(List.of("es"), languages(search("language", "es")));
        assertEquals(MODULES, parse(search("language", "es"), Bundle.class).getTotal());
        assertEquals(List.of("fr"), languages(search("language", "urn:ietf:bcp:47|fr")));
        assertEquals(List.of("de", "es"), languages(search("language", "es,de")));
        assertEquals(List.of("es"), languages(search("language", "es-MX")), "a regional tag falls back to its language");
        Bundle sv = parse(search("language", "sv"), Bundle.class);
        assertEquals(List.of("en"), languages(search("language", "sv")), "a language not served falls back to the default");
        assertTrue(sv.getEntry().stream().anyMatch(e -> e.getSearch().getMode().toCode().equals("outcome")));
        assertOutcome(search("language", "not a tag"), 400, "invalid");
        assertOutcome(search("language", "http://example.org|es"), 400, "invalid");
    }

    @Test
    void lastUpdatedTakesFhirDatePrefixes() throws Exception {
        // every shipped module was written on the same day
        java.time.LocalDate day = java.time.LocalDate.parse(WRITTEN);
        String month = WRITTEN.substring(0, 7);
        assertEquals(ALL, total(search("_lastUpdated", WRITTEN)));
        assertEquals(ALL, total(search("_lastUpdated", "eq" + month)));
        assertEquals(ALL, total(search("_lastUpdated", "ge" + WRITTEN)));
        assertEquals(ALL, total(search("_lastUpdated", "le" + WRITTEN + "T00:00:00Z")));
        assertEquals(0, total(search("_lastUpdated", "gt" + WRITTEN)));
        assertEquals(0, total(search("_lastUpdated", "lt" + WRITTEN)));
        assertEquals(ALL, total(search("_lastUpdated", "gt" + day.minusDays(1) + "T23:59:59+00:00")));
        FakeHttp range = req("/DocumentReference").param("_lastUpdated", "ge" + day.getYear() + "-01-01",
                "lt" + (day.getYear() + 1) + "-01-01");
        assertEquals(ALL, total(range.run(servlet)), "repeated: both bounds hold");
        assertEquals(MODULES, total(req("/DocumentReference").param("_lastUpdated", "ge" + day.getYear())
                .param("language", "de").run(servlet)));
        assertOutcome(search("_lastUpdated", "ap2026-11-28"), 400, "invalid");
        assertOutcome(search("_lastUpdated", "yesterday"), 400, "invalid");
        assertOutcome(search("_lastUpdated", "2026-13-01"), 400, "invalid");
    }

    @Test
    void idSearchFindsResourcesByLogicalId() throws Exception {
        assertEquals(List.of("mpc-overview-es", "mpc-outlook-de"),
                ids(search("_id", "mpc-overview-es,mpc-outlook-de,no-such-thing-en")));
        assertEquals(List.of(), ids(req("/DocumentReference").param("_id", "mpc-overview-es").param("language", "de")
                .run(servlet)));
    }

    @Test
    void pagesFollowTheCatalogsCursorAndCoverEverythingOnce() throws Exception {
        List<String> all = ids(search());
        for (int count : new int[] {2, 5, 7, ALL, ALL + 5}) {
            assertEquals(all, follow(req("/DocumentReference").param("_count", String.valueOf(count))), "_count=" + count);
        }
        List<String> spanish = ids(search("language", "es"));
        assertEquals(spanish, follow(req("/DocumentReference").param("language", "es").param("_count", "4")));
        List<String> bone = ids(search("code", "C79.51"));
        assertEquals(bone, follow(req("/DocumentReference").param("code", "C79.51").param("_count", "2")), "pages built in memory");
        List<String> byCode = ids(search("code", ICD10CM + "|C61"));
        assertEquals(byCode, follow(req("/DocumentReference").param("code", ICD10CM + "|C61").param("_count", "4")));
    }

    @Test
    void countIsBoundedAndSummaryCountGivesTheTotalOnly() throws Exception {
        Bundle b = parse(search("_summary", "count"), Bundle.class);
        assertEquals(ALL, b.getTotal());
        assertEquals(0, b.getEntry().size());
        assertEquals(ALL, parse(search("_count", "0"), Bundle.class).getTotal());
        assertEquals(ALL, parse(search("_count", "100000"), Bundle.class).getEntry().size(), "fewer than asked is allowed");
        assertOutcome(search("_count", "ten"), 400, "invalid");
        assertOutcome(search("_count", "-1"), 400, "invalid");
        assertOutcome(search("_summary", "true"), 400, "not-supported");
    }

    @Test
    void badCursorsModifiersAndStrictUnknownParametersAreRefused() throws Exception {
        assertOutcome(search("_cursor", "nonsense"), 400, "invalid");
        assertOutcome(search("_cursor", "c" + java.util.Base64.getUrlEncoder().encodeToString("x".getBytes()) + ".0"), 400, "invalid");
        assertOutcome(search("code:text", "prostate"), 400, "invalid");
        assertEquals(ALL, total(search("_sort", "date")), "unknown parameters are ignored");
        assertOutcome(req("/DocumentReference").param("_sort", "date").header("Prefer", "handling=strict").run(servlet), 400,
                "not-supported");
        assertEquals("http://ehr.example.org:8181/careleaf/fhir/DocumentReference",
                parse(req("/DocumentReference").param("_sort", "date").run(servlet), Bundle.class).getLink("self").getUrl(),
                "the self link shows what was applied");
    }

    // HTTP -------------------------------------------------------------------------------------------------

    @Test
    void formatsOtherThanJsonAreNotAcceptable() throws Exception {
        assertOutcome(search("_format", "xml"), 406, "not-supported");
        assertOutcome(req("/metadata").header("Accept", "application/fhir+xml").run(servlet), 406, "not-supported");
        assertEquals("application/json;charset=utf-8",
                req("/metadata").header("Accept", "application/json").run(servlet).responseHeader("Content-Type"));
        assertEquals("application/json;charset=utf-8", search("_format", "application/json").responseHeader("Content-Type"));
        assertEquals(200, search("_format", "json").status);
        assertEquals(200, req("/metadata").header("Accept", "application/fhir+xml;q=0.9, application/fhir+json").run(servlet).status);
        assertEquals(200, req("/metadata").header("Accept", "text/html, */*;q=0.1").run(servlet).status);
    }

    @Test
    void onlyReadAndSearchOnDocumentReferenceExist() throws Exception {
        assertOutcome(get("/Patient"), 404, "not-found");
        assertOutcome(get("/Patient/123"), 404, "not-found");
        assertOutcome(get("/"), 404, "not-found");
        assertOutcome(get("/DocumentReference/mpc-overview-en/_history/1"), 404, "not-found");
        FakeHttp post = new FakeHttp().post("/DocumentReference", "application/fhir+json", "{}").run(servlet);
        assertOutcome(post, 405, "not-supported");
        assertEquals("GET, HEAD", post.responseHeader("Allow"));
        FakeHttp put = new FakeHttp("PUT", "/DocumentReference/mpc-overview-en").run(servlet);
        assertOutcome(put, 405, "not-supported");
    }

    @Test
    void headAnswersHeadersOnly() throws Exception {
        FakeHttp h = new FakeHttp("HEAD", "/DocumentReference/mpc-overview-en").run(servlet);
        assertEquals(200, h.status);
        assertEquals("", h.text());
        assertNotNull(h.responseHeader("Content-Length"));
    }

    @Test
    void whileTheCatalogStartsEveryAnswerIs503WithAnOutcome() throws Exception {
        catalog.starting(3, 9);
        FakeHttp h = assertOutcome(search(), 503, "transient");
        assertEquals("5", h.responseHeader("Retry-After"));
        assertOutcome(get("/DocumentReference/mpc-overview-en"), 503, "transient");
        assertEquals(200, get("/metadata").status, "what the server can do does not depend on content");
    }

    @Test
    void urlsFollowTheRequestNotAFixedPath() throws Exception {
        FakeHttp h = new FakeHttp("GET", "/DocumentReference/mpc-overview-fr");
        h.scheme = "https";
        h.serverName = "edu.hospital.example";
        h.serverPort = 443;
        h.contextPath = "/patient-education";
        DocumentReference d = parse(h.run(servlet), DocumentReference.class);
        assertEquals("https://edu.hospital.example/patient-education/modules/mpc-overview?lang=fr",
                d.getContentFirstRep().getAttachment().getUrl());
        FakeHttp s = new FakeHttp("GET", "/DocumentReference").param("_count", "1");
        s.contextPath = "/patient-education";
        Bundle b = parse(s.run(servlet), Bundle.class);
        assertTrue(b.getLink("next").getUrl().startsWith("http://ehr.example.org:8181/patient-education/fhir/DocumentReference?_count=1&_cursor="));
        assertTrue(b.getEntryFirstRep().getFullUrl().startsWith("http://ehr.example.org:8181/patient-education/fhir/"));
    }

    @Test
    void aLibraryChangingDuringARequestIsReadAgainAtOneRevision() throws Exception {
        ModuleDocument shipped = ShippedLibrary.modules().get(0);
        int[] calls = {0};
        EducationCatalog changing = new EducationCatalog() {
            @Override
            public CatalogView view(String languages) {
                if (++calls[0] == 2) {
                    // between the first view and the second, a new module arrives
                    catalog.module(copy(shipped, "arrived-module", 995));
                }
                return catalog.view(languages);
            }
        };
        Bundle b = parse(new FakeHttp("GET", "/DocumentReference").param("_count", String.valueOf(SearchParams.MAX_COUNT))
                .run(new FhirServlet(changing)), Bundle.class);
        assertEquals((MODULES + 1) * LOCALES.size(), b.getTotal(), "all of the new revision: one more module in every language");
        assertEquals(b.getTotal(), b.getEntry().size());
    }

    @Test
    void anAnswerIsWrittenOnceARevisionAndNeverServedStale() throws Exception {
        String first = search("language", "de").text();
        assertEquals(first, search("language", "de").text());
        catalog.module(copy(ShippedLibrary.modules().get(0), "later-module", 999));
        Bundle after = parse(search("language", "de"), Bundle.class);
        assertEquals(10, after.getTotal(), "a new revision is a new answer");
    }

    // Helpers ----------------------------------------------------------------------------------------------

    private FakeHttp get(String path) throws Exception {
        return new FakeHttp("GET", path).run(servlet);
    }

    private static FakeHttp req(String path) {
        return new FakeHttp("GET", path);
    }

    /** A search whose answer fits one page (the largest), unless the test asks for a page size itself. */
    private FakeHttp search(String... nameValue) throws Exception {
        FakeHttp h = new FakeHttp("GET", "/DocumentReference");
        boolean counted = false;
        for (int i = 0; i < nameValue.length; i += 2) {
            h.param(nameValue[i], nameValue[i + 1]);
            counted |= nameValue[i].equals("_count");
        }
        if (!counted) {
            h.param("_count", String.valueOf(SearchParams.MAX_COUNT));
        }
        return h.run(servlet);
    }

    /** The resource an answer holds, after the HL7 validator found no error in it. */
    private static <T extends Resource> T parse(FakeHttp h, Class<T> type) throws Exception {
        if (h.text().isEmpty() && h.status == 200 && h.responseHeader("Content-Type") == null) {
            throw new AssertionError("not run: " + h);
        }
        assertFalse(h.status >= 500 && h.status != 503, "never a server error: " + h.text());
        String json = h.text();
        HL7Validator.assertValid(json);
        return FhirJson.context().newJsonParser().parseResource(type, json);
    }

    private FakeHttp assertOutcome(FakeHttp h, int status, String code) throws Exception {
        assertEquals(status, h.status, h.text());
        assertEquals("application/fhir+json;charset=utf-8", h.responseHeader("Content-Type"));
        OperationOutcome o = parse(h, OperationOutcome.class);
        assertEquals(code, o.getIssueFirstRep().getCode().toCode());
        assertEquals("error", o.getIssueFirstRep().getSeverity().toCode());
        assertFalse(o.getIssueFirstRep().getDiagnostics().isBlank());
        assertFalse(h.text().contains("Exception"), "no stack trace or exception name to the client");
        return h;
    }

    private int total(FakeHttp h) throws Exception {
        return parse(h, Bundle.class).getTotal();
    }

    private List<String> ids(FakeHttp h) throws Exception {
        return parse(h, Bundle.class).getEntry().stream().filter(e -> e.getResource() instanceof DocumentReference)
                .map(e -> e.getResource().getIdElement().getIdPart()).toList();
    }

    private Set<String> modules(FakeHttp h) throws Exception {
        Set<String> out = new LinkedHashSet<>();
        for (String id : ids(h)) {
            out.add(LogicalIds.parse(id, LOCALES).orElseThrow().moduleId());
        }
        return out;
    }

    private List<String> languages(FakeHttp h) throws Exception {
        return ids(h).stream().map(id -> LogicalIds.parse(id, LOCALES).orElseThrow().language()).distinct().toList();
    }

    /** Every resource of a search, page by page through the next links. */
    private List<String> follow(FakeHttp first) throws Exception {
        List<String> out = new ArrayList<>();
        FakeHttp h = first.run(servlet);
        for (int pages = 0; pages <= ALL; pages++) {
            Bundle b = parse(h, Bundle.class);
            b.getEntry().forEach(e -> out.add(e.getResource().getIdElement().getIdPart()));
            if (b.getLink("next") == null) {
                return out;
            }
            h = new FakeHttp("GET", "/DocumentReference");
            for (Map.Entry<String, String> p : query(b.getLink("next").getUrl()).entrySet()) {
                h.param(p.getKey(), p.getValue());
            }
            h.run(servlet);
        }
        throw new AssertionError("more pages than resources");
    }

    private static Map<String, String> query(String url) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String kv : url.substring(url.indexOf('?') + 1).split("&")) {
            int eq = kv.indexOf('=');
            out.put(java.net.URLDecoder.decode(kv.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(kv.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
        }
        return out;
    }

    private static String tag(DocumentReference d, String system) {
        return d.getMeta().getTag().stream().filter(t -> t.getSystem().equals(system)).findFirst().orElseThrow().getCode();
    }

    static ModuleDocument copy(ModuleDocument m, String id, int order) {
        return new ModuleDocument(m.schemaVersion(), id, m.version(), m.locale(), m.pack(), m.title(), m.summary(),
                m.category(), order, m.audience(), m.codes(), m.subtopics(), m.keyPoints(), m.review(), m.sources(),
                m.sections());
    }
}
