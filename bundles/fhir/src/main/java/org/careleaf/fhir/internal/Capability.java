package org.careleaf.fhir.internal;

import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementKind;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.ResourceVersionPolicy;
import org.hl7.fhir.r4.model.CapabilityStatement.RestfulCapabilityMode;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations.FHIRVersion;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;

/** The CapabilityStatement at {@code /metadata}: exactly what this view does, and no more. */
final class Capability {

    private Capability() {
    }

    static CapabilityStatement of(Links links, String softwareVersion, String date) {
        CapabilityStatement cs = new CapabilityStatement();
        cs.setStatus(PublicationStatus.ACTIVE);
        cs.setDateElement(new DateTimeType(date));
        cs.setName("CareleafFhirView");
        cs.setTitle("Careleaf read-only FHIR view of the patient education library");
        cs.setPublisher("Careleaf");
        cs.setKind(CapabilityStatementKind.INSTANCE);
        cs.getSoftware().setName("Careleaf").setVersion(softwareVersion);
        cs.getImplementation().setDescription("Careleaf patient education library, one DocumentReference per module and language")
                .setUrl(links.fhirBase());
        cs.setFhirVersion(FHIRVersion._4_0_1);
        cs.addFormat("json");
        cs.addFormat(MediaTypes.FHIR_JSON);
        cs.setLanguage("en");
        cs.setText(Narratives.english(
                "Read-only FHIR R4 server: DocumentReference read and search (JSON only)."));
        CapabilityStatementRestComponent rest = cs.addRest();
        rest.setMode(RestfulCapabilityMode.SERVER);
        rest.setDocumentation("Library content, not patient data: no authentication, no subject. Paging: _count (1-"
                + SearchParams.MAX_COUNT + ", default " + SearchParams.DEFAULT_COUNT + ") and Bundle.link next; "
                + "_summary=count gives the total only. Unknown parameters are ignored unless Prefer: handling=strict.");
        CapabilityStatementRestResourceComponent r = rest.addResource();
        r.setType("DocumentReference");
        r.setProfile("http://hl7.org/fhir/StructureDefinition/DocumentReference");
        r.setDocumentation("One per enabled module and language served; id {moduleId}-{language}.");
        r.addInteraction().setCode(TypeRestfulInteraction.READ);
        r.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
        r.setVersioning(ResourceVersionPolicy.VERSIONED);
        r.setReadHistory(false);
        r.setUpdateCreate(false);
        param(r, "_id", "http://hl7.org/fhir/SearchParameter/Resource-id", SearchParamType.TOKEN,
                "Logical id, e.g. mpc-overview-es");
        param(r, "_lastUpdated", "http://hl7.org/fhir/SearchParameter/Resource-lastUpdated", SearchParamType.DATE,
                "When the module's text was written (prefixes eq, gt, lt, ge, le)");
        param(r, "code", null, SearchParamType.TOKEN,
                "A clinical code the module answers (context.event): system|code, |code or code; same as event");
        param(r, "event", "http://hl7.org/fhir/SearchParameter/DocumentReference-event", SearchParamType.TOKEN,
                "context.event, as code");
        param(r, "language", "http://hl7.org/fhir/SearchParameter/DocumentReference-language", SearchParamType.TOKEN,
                "The reader's language, resolved as the catalog resolves it (a language not served falls back)");
        return cs;
    }

    private static void param(CapabilityStatementRestResourceComponent r, String name, String definition,
            SearchParamType type, String documentation) {
        var p = r.addSearchParam().setName(name).setType(type).setDocumentation(documentation);
        if (definition != null) {
            p.setDefinition(definition);
        }
    }
}
