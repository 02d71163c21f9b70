package org.careleaf.catalog.internal;

import java.util.Map;
import java.util.Optional;

/**
 * The code systems Careleaf understands, by HL7 OID, and the FHIR URIs that name the same systems
 * (CDS Hooks sends URIs, Infobutton sends OIDs; content stores OIDs).
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

    /** OID by FHIR system URI. */
    private static final Map<String, String> BY_URI = Map.of(
            "http://hl7.org/fhir/sid/icd-10-cm", ICD10CM,
            "http://hl7.org/fhir/sid/icd-10", ICD10_WHO,
            "http://snomed.info/sct", SNOMED_CT,
            "http://www.whocc.no/atc", ATC,
            "http://www.nlm.nih.gov/research/umls/rxnorm", RXNORM,
            "http://loinc.org", LOINC,
            "http://hl7.org/fhir/sid/ndc", NDC);

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
        if (s.startsWith("urn:oid:")) {
            s = s.substring("urn:oid:".length());
        }
        if (NAMES.containsKey(s)) {
            return Optional.of(s);
        }
        return Optional.ofNullable(BY_URI.get(s));
    }

    /** True for the bare OID of a known system, the form content stores. */
    public static boolean isOid(String system) {
        return NAMES.containsKey(system);
    }

    public static boolean known(String system) {
        return oid(system).isPresent();
    }
}
