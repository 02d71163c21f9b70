package org.careleaf.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.careleaf.admin.Approval;
import org.careleaf.admin.ContentApprovals;

/** Approves (or with --withdraw, withdraws) exactly the content careleaf:pending lists, named by its hash. */
@Service
@Command(scope = "careleaf", name = "approve", description = "Approves the version of a module (or of one translation, "
        + "--lang) that careleaf:pending lists, naming its hash; --withdraw takes an approval back.")
public class ApproveCommand implements Action {

    @Argument(index = 0, name = "id", description = "The module id", required = true)
    @Completion(ModuleIdCompleter.class)
    private String id;

    @Argument(index = 1, name = "hash", description = "The content hash from careleaf:pending (or careleaf:approvals "
            + "to withdraw)", required = true)
    private String hash;

    @Option(name = "--lang", description = "Approve the translation into this language, not the module itself")
    @Completion(LocaleCompleter.class)
    private String lang;

    @Option(name = "--comment", aliases = "-m", description = "Why, or what was checked")
    private String comment = "";

    @Option(name = "--withdraw", description = "Withdraw the approval of that content instead")
    private boolean withdraw;

    @Reference
    private ContentApprovals approvals;

    @Reference
    private Session session;

    @Override
    public Object execute() {
        Approval a = withdraw ? approvals.withdraw(id, lang, fullHash(), comment, ShellActor.of(session))
                : approvals.approve(id, lang, fullHash(), comment, ShellActor.of(session));
        System.out.println((withdraw ? "Withdrawn: " : "Approved: ") + a.module() + " " + a.version()
                + (a.translation() ? " (" + a.locale() + " translation)" : "") + " by " + a.reviewer());
        return null;
    }

    /** The full hash; an unambiguous prefix of at least 12 digits (as careleaf:approvals shows) is accepted. */
    private String fullHash() {
        if (hash.length() == 64 || hash.length() < 12) {
            return hash;
        }
        for (var p : approvals.pending()) {
            if (p.module().equals(id) && p.contentHash().startsWith(hash)) {
                return p.contentHash();
            }
        }
        for (Approval a : approvals.approvals()) {
            if (a.module().equals(id) && a.contentHash().startsWith(hash)) {
                return a.contentHash();
            }
        }
        return hash;
    }
}
