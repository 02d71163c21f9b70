package org.careleaf.model;

import java.util.Map;
import java.util.Optional;

/**
 * The code systems Careleaf understands, by HL7 OID, and the FHIR URIs that name the same systems
 * (CDS Hooks and FHIR send URIs, Infobutton sends OIDs; content stores OIDs).
 */
public final class CodeSystems {

    public static final String ICD10CM = "2.16.840.1.113883.6.90";
    public static final String ICD10_WHO = "2.16.840.1.113883.6.3";
    public static final String SNOMED_CT = "2.16.840.1.113883.6.96";
    public static final String ATC = "2.16.840.1.113883.6.73";
    public static final String RXNORM = "2.16.840.1.113883.6.88";
    public static final String LOINC = "2.16.840.1.113883.6.1";
    public static final String NDC = "2.16.840.1.113883.6.69";
    /** Medical Subject Headings: Infobutton subtopics are MeSH qualifiers. */
    public static final String MESH = "2.16.840.1.113883.6.177";

    /** FHIR system URI by OID, for the systems that have one. */
    private static final Map<String, String> URI_BY_OID = Map.of(
            ICD10CM, "http://hl7.org/fhir/sid/icd-10-cm",
            ICD10_WHO, "http://hl7.org/fhir/sid/icd-10",
            SNOMED_CT, "http://snomed.info/sct",
            ATC, "http://www.whocc.no/atc",
            RXNORM, "http://www.nlm.nih.gov/research/umls/rxnorm",
            LOINC, "http://loinc.org",
            NDC, "http://hl7.org/fhir/sid/ndc");

    private static final Map<String, String> OID_BY_URI = Map.of(
            "http://hl7.org/fhir/sid/icd-10-cm", ICD10CM,
            "http://hl7.org/fhir/sid/icd-10", ICD10_WHO,
            "http://snomed.info/sct", SNOMED_CT,
            "http://www.whocc.no/atc", ATC,
            "http://www.nlm.nih.gov/research/umls/rxnorm", RXNORM,
            "http://loinc.org", LOINC,
            "http://hl7.org/fhir/sid/ndc", NDC,
            "urn:oid:" + MESH, MESH);

    private static final Map<String, String> NAMES = Map.of(
            ICD10CM, "ICD-10-CM", ICD10_WHO, "ICD-10", SNOMED_CT, "SNOMED CT", ATC, "ATC",
            RXNORM, "RxNorm", LOINC, "LOINC", NDC, "NDC", MESH, "MeSH");

    private CodeSystems() {
    }

    /** The OID for an OID, an {@code urn:oid:} or a known FHIR URI; empty when unknown. */
    public static Optional<String> oid(String system) {
        if (system == null) {
            return Optional.empty();
        }
        String s = system.trim();
        if (s.regionMatches(true, 0, "urn:oid:", 0, 8)) {
            s = s.substring(8);
        }
        if (NAMES.containsKey(s)) {
            return Optional.of(s);
        }
        return Optional.ofNullable(OID_BY_URI.get(s));
    }

    /** True for the bare OID of a known system, the form content stores. */
    public static boolean isOid(String system) {
        return NAMES.containsKey(system);
    }

    /** The FHIR URI of a known system (by OID), or {@code urn:oid:} and the OID when FHIR names none. */
    public static String uri(String oid) {
        return URI_BY_OID.getOrDefault(oid, "urn:oid:" + oid);
    }

    /** A person's name for a known system (by OID), e.g. {@code ICD-10-CM}; empty when unknown. */
    public static Optional<String> name(String oid) {
        return Optional.ofNullable(NAMES.get(oid));
    }

    /** The names of every known system, sorted, for messages that list them. */
    public static java.util.List<String> names() {
        return NAMES.values().stream().sorted().toList();
    }
}
