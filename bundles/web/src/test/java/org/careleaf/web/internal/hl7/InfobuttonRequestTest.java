package org.careleaf.web.internal.hl7;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class InfobuttonRequestTest {

    private static final String ICD = "2.16.840.1.113883.6.90";

    private static Map<String, String[]> params(String... nameValue) {
        Map<String, String[]> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            m.merge(nameValue[i], new String[] {nameValue[i + 1]}, (a, b) -> {
                String[] both = new String[a.length + b.length];
                System.arraycopy(a, 0, both, 0, a.length);
                System.arraycopy(b, 0, both, a.length, b.length);
                return both;
            });
        }
        return m;
    }

    private static RequestRejected rejected(String... nameValue) {
        return assertThrows(RequestRejected.class, () -> InfobuttonRequest.parse(params(nameValue)));
    }

    @Test
    void plainRequestHasDefaults() throws Exception {
        InfobuttonRequest r = InfobuttonRequest.parse(params("mainSearchCriteria.v.c", "C61",
                "mainSearchCriteria.v.cs", ICD, "mainSearchCriteria.v.dn", "Malignant neoplasm of prostate"));
        assertEquals(List.of(new InfobuttonRequest.Coded("mainSearchCriteria.v.c", ICD, "C61",
                "Malignant neoplasm of prostate")), r.criteria());
        assertEquals("PAT", r.recipient());
        assertNull(r.language());
        assertEquals("application/json", r.responseType());
        assertFalse(r.atom());
    }

    @Test
    void numberedCodesFollowThePlainOneInNumberOrder() throws Exception {
        InfobuttonRequest r = InfobuttonRequest.parse(params(
                "mainSearchCriteria.v.c10", "L02BB04", "mainSearchCriteria.v.cs10", "2.16.840.1.113883.6.73",
                "mainSearchCriteria.v.c2", "Z19.2", "mainSearchCriteria.v.cs2", "urn:oid:" + ICD,
                "mainSearchCriteria.v.c", "C61", "mainSearchCriteria.v.cs", ICD));
        assertEquals(List.of("C61", "Z19.2", "L02BB04"), r.criteria().stream().map(InfobuttonRequest.Coded::code)
                .toList());
        assertEquals(ICD, r.criteria().get(1).system(), "urn:oid: is dropped");
        assertEquals("mainSearchCriteria.v.c10", r.criteria().get(2).parameter());
    }

    @Test
    void repeatedPlainCodesPairWithTheirSystemsOrShareOne() throws Exception {
        InfobuttonRequest shared = InfobuttonRequest.parse(params("mainSearchCriteria.v.c", "C61",
                "mainSearchCriteria.v.c", "Z19.2", "mainSearchCriteria.v.cs", ICD));
        assertEquals(2, shared.criteria().size());
        assertEquals(ICD, shared.criteria().get(1).system());
        InfobuttonRequest paired = InfobuttonRequest.parse(params("mainSearchCriteria.v.c", "C61",
                "mainSearchCriteria.v.c", "399068003", "mainSearchCriteria.v.cs", ICD,
                "mainSearchCriteria.v.cs", "2.16.840.1.113883.6.96"));
        assertEquals("2.16.840.1.113883.6.96", paired.criteria().get(1).system());
        // three codes cannot pair with two systems
        assertEquals("bad-parameter", rejected("mainSearchCriteria.v.c", "A", "mainSearchCriteria.v.c", "B",
                "mainSearchCriteria.v.c", "C", "mainSearchCriteria.v.cs", ICD, "mainSearchCriteria.v.cs", ICD).code());
    }

    @Test
    void languageRecipientTypeAndTaskContext() throws Exception {
        InfobuttonRequest r = InfobuttonRequest.parse(params("mainSearchCriteria.v.c", "C61",
                "mainSearchCriteria.v.cs", ICD, "informationRecipient", "prov",
                "informationRecipient.languageCode.c", "es-MX", "knowledgeResponseType", "text/xml",
                "taskContext.c.c", "PROBLISTREV", "subTopic.v.c", "Q000628",
                "subTopic.v.cs", "2.16.840.1.113883.6.177", "patientPerson.administrativeGenderCode.c", "M"));
        assertEquals("PROV", r.recipient());
        assertEquals("es-MX", r.language());
        assertTrue(r.atom());
        assertEquals("PROBLISTREV", r.taskContexts().get(0).code());
        assertEquals("Q000628", r.subTopics().get(0).code());
    }

    @Test
    void missingCodeIsRefused() {
        RequestRejected e = rejected("mainSearchCriteria.v.cs", ICD);
        assertEquals(400, e.status());
        assertEquals("missing-code", e.code());
        assertEquals("missing-code", rejected("knowledgeResponseType", "application/json").code());
        assertEquals("missing-code", rejected("mainSearchCriteria.v.c", "").code());
    }

    @Test
    void missingCodeSystemIsRefused() {
        assertEquals("missing-code-system", rejected("mainSearchCriteria.v.c", "C61").code());
        assertEquals("missing-code-system", rejected("mainSearchCriteria.v.c", "C61", "mainSearchCriteria.v.cs", ICD,
                "mainSearchCriteria.v.c1", "Z19.2").code());
    }

    @Test
    void malformedAndOverlongValuesAreRefused() {
        assertEquals("bad-code", rejected("mainSearchCriteria.v.c", "C61<script>", "mainSearchCriteria.v.cs", ICD)
                .code());
        assertEquals("bad-code", rejected("mainSearchCriteria.v.c", "A".repeat(65), "mainSearchCriteria.v.cs", ICD)
                .code());
        assertEquals("bad-code-system", rejected("mainSearchCriteria.v.c", "C61", "mainSearchCriteria.v.cs",
                "ICD-10-CM").code());
        assertEquals("bad-display-name", rejected("mainSearchCriteria.v.c", "C61", "mainSearchCriteria.v.cs", ICD,
                "mainSearchCriteria.v.dn", "two\nlines").code());
        assertEquals("bad-language", rejected("mainSearchCriteria.v.c", "C61", "mainSearchCriteria.v.cs", ICD,
                "informationRecipient.languageCode.c", "spanish please").code());
        assertEquals("bad-recipient", rejected("mainSearchCriteria.v.c", "C61", "mainSearchCriteria.v.cs", ICD,
                "informationRecipient", "PAYOR").code());
        assertEquals("bad-code", rejected("mainSearchCriteria.v.c", "C61", "mainSearchCriteria.v.cs", ICD,
                "taskContext.c.c", "PROB LIST").code());
        assertEquals("bad-parameter", rejected("mainSearchCriteria.v.c", "C61", "mainSearchCriteria.v.cs", ICD,
                "age.v.v", "9".repeat(600)).code());
        assertEquals("missing-code", rejected("mainSearchCriteria.v.c", "C61", "mainSearchCriteria.v.cs", ICD,
                "mainSearchCriteria.v.cs3", ICD).code(), "a code system without its code");
    }

    @Test
    void atMostTwentyCodes() throws Exception {
        String[] twenty = new String[80];
        for (int i = 0; i < 20; i++) {
            twenty[4 * i] = "mainSearchCriteria.v.c" + (i + 1);
            twenty[4 * i + 1] = "C" + i;
            twenty[4 * i + 2] = "mainSearchCriteria.v.cs" + (i + 1);
            twenty[4 * i + 3] = ICD;
        }
        assertEquals(20, InfobuttonRequest.parse(params(twenty)).criteria().size());
        String[] more = Arrays.copyOf(twenty, 84);
        more[80] = "mainSearchCriteria.v.c";
        more[81] = "C99";
        more[82] = "mainSearchCriteria.v.cs";
        more[83] = ICD;
        assertEquals("too-many-codes", rejected(more).code());
    }

    @Test
    void unsupportedResponseTypeIsRefused() {
        RequestRejected e = rejected("mainSearchCriteria.v.c", "C61", "mainSearchCriteria.v.cs", ICD,
                "knowledgeResponseType", "application/javascript");
        assertEquals(400, e.status());
        assertEquals("unsupported-response-type", e.code());
    }

    @Test
    void cacheKeyIgnoresParameterOrder() throws Exception {
        InfobuttonRequest a = InfobuttonRequest.parse(params("mainSearchCriteria.v.c", "C61",
                "mainSearchCriteria.v.cs", ICD, "mainSearchCriteria.v.c1", "Z19.2", "mainSearchCriteria.v.cs1", ICD));
        InfobuttonRequest b = InfobuttonRequest.parse(params("mainSearchCriteria.v.cs1", ICD,
                "mainSearchCriteria.v.c1", "Z19.2", "mainSearchCriteria.v.cs", ICD, "mainSearchCriteria.v.c", "C61"));
        assertEquals(a.cacheKey(), b.cacheKey());
    }
}
