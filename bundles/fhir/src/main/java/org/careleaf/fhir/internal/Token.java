package org.careleaf.fhir.internal;

/**
 * A FHIR token search value: {@code system|code}, {@code |code} (no system), {@code code} (any system).
 *
 * @param system null for any system, empty for "no system"
 * @param code the code; never empty
 */
record Token(String system, String code) {

    static Token parse(String value, String param) {
        int bar = value.indexOf('|');
        if (bar < 0) {
            return check(new Token(null, value), param, value);
        }
        return check(new Token(value.substring(0, bar), value.substring(bar + 1)), param, value);
    }

    private static Token check(Token t, String param, String value) {
        if (t.code.isEmpty()) {
            throw FhirException.invalid(param + "='" + value + "': searching by system alone is not supported; give a code");
        }
        return t;
    }

    @Override
    public String toString() {
        return system == null ? code : system + "|" + code;
    }
}
