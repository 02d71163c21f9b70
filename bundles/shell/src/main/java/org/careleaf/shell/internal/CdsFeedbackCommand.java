package org.careleaf.shell.internal;

import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.careleaf.admin.CardFeedback;
import org.careleaf.admin.CdsFeedback;

@Service
@Command(scope = "careleaf", name = "cds-feedback", description = "Shows what clinicians did with the CDS Hooks"
        + " cards, per module: accepted (education given) and overridden, with the reasons given.")
public class CdsFeedbackCommand implements Action {

    /** Optional: the CDS Hooks feature may not be installed. */
    @Reference(optional = true)
    private CdsFeedback feedback;

    @Override
    public Object execute() {
        if (feedback == null) {
            System.out.println("CDS Hooks is not installed (feature careleaf-cdshooks).");
            return null;
        }
        if (feedback.perModule().isEmpty()) {
            System.out.println("No feedback on CDS Hooks cards yet.");
        } else {
            ShellTable table = new ShellTable();
            table.column("Module");
            table.column("Accepted").alignRight();
            table.column("Overridden").alignRight();
            table.column("Override reasons");
            table.column("Last feedback");
            for (CardFeedback f : feedback.perModule()) {
                String reasons = f.overrideReasons().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
                table.addRow().addContent(f.moduleId(), f.accepted(), f.overridden(), reasons,
                        f.lastAt() == null ? "" : f.lastAt());
            }
            table.print(System.out);
        }
        if (feedback.unattributed() > 0) {
            System.out.println(feedback.unattributed() + " feedback item(s) about cards no longer remembered (shown"
                    + " before a restart or long ago) were counted without a module.");
        }
        return null;
    }
}
