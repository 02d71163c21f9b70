package org.careleaf.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.careleaf.admin.ContentApprovals;
import org.careleaf.admin.PendingReview;

@Service
@Command(scope = "careleaf", name = "pending", description = "Lists what waits for the site's clinical approval, with "
        + "the hash careleaf:approve needs.")
public class PendingCommand implements Action {

    @Reference
    private ContentApprovals approvals;

    @Override
    public Object execute() {
        System.out.println("Approval policy: " + approvals.policy().name().toLowerCase(java.util.Locale.ROOT));
        ShellTable table = new ShellTable();
        table.column("Module");
        table.column("Language");
        table.column("Version");
        table.column("Served meanwhile");
        table.column("Hash");
        for (PendingReview p : approvals.pending()) {
            table.addRow().addContent(p.module(), p.locale() + (p.translation() ? " (translation)" : ""), p.version(),
                    p.approvedVersion() == null ? "-" : p.approvedVersion(), p.contentHash());
        }
        table.print(System.out);
        return null;
    }
}
