package org.careleaf.fhir.internal;

import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/** OperationOutcomes: what FHIR clients read instead of a bare HTTP error. */
final class Outcomes {

    private Outcomes() {
    }

    static OperationOutcome of(IssueSeverity severity, IssueType type, String diagnostics) {
        OperationOutcome o = new OperationOutcome();
        o.addIssue().setSeverity(severity).setCode(type).setDiagnostics(diagnostics);
        o.setLanguage("en");
        o.setText(Narratives.english(diagnostics));
        return o;
    }

    static OperationOutcome error(FhirException e) {
        return of(IssueSeverity.ERROR, e.issue, e.getMessage());
    }
}
