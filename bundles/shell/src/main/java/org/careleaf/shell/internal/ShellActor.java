package org.careleaf.shell.internal;

import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.ShellUtil;
import org.careleaf.admin.Actor;

/** The logged-in shell user, for the audit trail. */
final class ShellActor {

    private ShellActor() {
    }

    static Actor of(Session session) {
        String user = ShellUtil.getCurrentUserName();
        Object client = session == null ? null : session.get("SSH_CLIENT");
        return new Actor(user == null ? "(unknown)" : user, "shell",
                client == null ? "Karaf shell" : "Karaf shell over SSH from " + client);
    }
}
