package org.careleaf.cdshooks.internal;

/**
 * A code found in the chart or in an order, in the system it was sent in (a FHIR URI or an OID).
 *
 * @param order the order it came from ({@code MedicationRequest/id}), or null for a condition or an
 *        order without an id; the education request the card suggests is {@code about} it
 */
record Finding(String system, String code, String order) {
}
