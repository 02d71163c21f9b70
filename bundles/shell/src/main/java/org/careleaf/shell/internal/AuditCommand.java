package org.careleaf.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.careleaf.admin.AuditEntry;
import org.careleaf.admin.CatalogAdmin;

@Service
@Command(scope = "careleaf", name = "audit", description = "Shows the newest changes: who, when, from where, what.")
public class AuditCommand implements Action {

    @Option(name = "--limit", aliases = "-n", description = "How many entries (default 20)")
    private int limit = 20;

    @Reference
    private CatalogAdmin admin;

    @Override
    public Object execute() {
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("--limit must be between 1 and 10000");
        }
        ShellTable table = new ShellTable();
        table.column("When");
        table.column("User");
        table.column("Channel");
        table.column("From");
        table.column("Action");
        table.column("Target");
        table.column("Change");
        for (AuditEntry e : admin.audit(limit)) {
            table.addRow().addContent(e.at(), e.user(), e.channel(), e.from(), e.action(), e.target(),
                    e.before() + " -> " + e.after());
        }
        table.print(System.out);
        return null;
    }
}
