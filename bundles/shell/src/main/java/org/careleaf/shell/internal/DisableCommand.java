package org.careleaf.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.careleaf.admin.CatalogAdmin;

@Service
@Command(scope = "careleaf", name = "disable", description = "Hides a module from every surface (audited).")
public class DisableCommand implements Action {

    @Argument(index = 0, name = "id", description = "The module id", required = true)
    @Completion(ModuleIdCompleter.class)
    private String id;

    @Reference
    private CatalogAdmin admin;

    @Reference
    private Session session;

    @Override
    public Object execute() {
        System.out.println(admin.setEnabled(id, false, ShellActor.of(session)) == null ? id + " was already disabled"
                : id + " is disabled");
        return null;
    }
}
