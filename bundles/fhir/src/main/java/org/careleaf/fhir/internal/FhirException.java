package org.careleaf.fhir.internal;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * A request the FHIR view answers with an error: the HTTP status and the OperationOutcome issue it
 * carries. Thrown while a request is read, caught once by the servlet.
 */
final class FhirException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final int status;
    final IssueType issue;

    FhirException(int status, IssueType issue, String diagnostics) {
        super(diagnostics, null, false, false);
        this.status = status;
        this.issue = issue;
    }

    static FhirException invalid(String diagnostics) {
        return new FhirException(400, IssueType.INVALID, diagnostics);
    }

    static FhirException notFound(String diagnostics) {
        return new FhirException(404, IssueType.NOTFOUND, diagnostics);
    }

    static FhirException notSupported(int status, String diagnostics) {
        return new FhirException(status, IssueType.NOTSUPPORTED, diagnostics);
    }
}
