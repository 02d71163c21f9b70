/**
 * HL7 Infobutton: the URL-based knowledge request, answered as Atom in JSON or Atom XML. (CDS Hooks, the
 * other HL7 surface, is the {@code org.careleaf.cdshooks} bundle's.)
 */
package org.careleaf.web.internal.hl7;
