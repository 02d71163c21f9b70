package org.careleaf.model;

/**
 * A clinical code that selects a module, such as ICD-10-CM {@code C61}.
 *
 * @param system code system OID (e.g. {@code 2.16.840.1.113883.6.90}) or URI
 * @param code the code within that system
 * @param display human-readable meaning of the code
 */
public record Code(String system, String code, String display) {

    public boolean matches(String otherSystem, String otherCode) {
        return system.equals(otherSystem) && code.equalsIgnoreCase(otherCode);
    }
}
