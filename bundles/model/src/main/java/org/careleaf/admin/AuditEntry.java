package org.careleaf.admin;

/**
 * One change, as appended to the audit trail.
 *
 * @param at ISO-8601 instant
 * @param action e.g. {@code disable}, {@code enable}, {@code configuration}
 * @param target the module id or configuration property changed
 * @param before the value before, in words ({@code enabled})
 * @param after the value after
 */
public record AuditEntry(String at, String user, String channel, String from, String action, String target,
        String before, String after) {
}
