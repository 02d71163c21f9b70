package org.careleaf.web.internal.hl7;

/**
 * Why a request cannot be answered, as the Infobutton parser reports it:
 * the HTTP status, a stable code and a plain reason, sent by the servlet as a JSON error.
 */
final class RequestRejected extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    RequestRejected(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
