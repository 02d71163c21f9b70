package org.careleaf.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.console.Session;
import org.careleaf.admin.CatalogAdmin;

/** What {@code careleaf:enable} and {@code careleaf:disable} share: one module id, one audited change. */
abstract class EnablementCommand implements Action {

    @Argument(index = 0, name = "id", description = "The module id", required = true)
    @Completion(ModuleIdCompleter.class)
    private String id;

    @Reference
    private CatalogAdmin admin;

    @Reference
    private Session session;

    /** True to show the module, false to hide it. */
    abstract boolean enable();

    @Override
    public Object execute() {
        String state = enable() ? "enabled" : "disabled";
        boolean changed = admin.setEnabled(id, enable(), ShellActor.of(session)) != null;
        System.out.println(changed ? id + " is " + state : id + " was already " + state);
        return null;
    }
}
