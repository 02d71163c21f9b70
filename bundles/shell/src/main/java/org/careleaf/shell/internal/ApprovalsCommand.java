package org.careleaf.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.careleaf.admin.Approval;
import org.careleaf.admin.ContentApprovals;

@Service
@Command(scope = "careleaf", name = "approvals", description = "Lists the clinical approvals in force: what, who, when.")
public class ApprovalsCommand implements Action {

    @Reference
    private ContentApprovals approvals;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Module");
        table.column("Language");
        table.column("Version");
        table.column("Reviewer");
        table.column("When");
        table.column("Comment");
        table.column("Hash");
        for (Approval a : approvals.approvals()) {
            table.addRow().addContent(a.module(), a.locale() + (a.translation() ? " (translation)" : ""), a.version(),
                    a.reviewer(), a.at(), a.comment(), a.contentHash().substring(0, 12));
        }
        table.print(System.out);
        return null;
    }
}
