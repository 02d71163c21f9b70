package org.careleaf.cdshooks.internal;

/**
 * Why a request cannot be answered: the HTTP status, a stable code and a plain reason, sent by the
 * servlet with {@link JsonErrors}. Messages name JSON paths, never values from the request.
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

    static RequestRejected bad(String code, String message) {
        return new RequestRejected(400, code, message);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
