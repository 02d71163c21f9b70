package org.careleaf.admin;

/**
 * Who asks for a change, for the audit trail.
 *
 * @param user the authenticated user name
 * @param channel {@code shell}, {@code web} or {@code file}
 * @param from where from: the client address, the shell session, or the file name
 */
public record Actor(String user, String channel, String from) {
}
