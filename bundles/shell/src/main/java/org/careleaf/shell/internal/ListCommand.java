package org.careleaf.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.careleaf.admin.CatalogAdmin;
import org.careleaf.admin.ModuleStatus;

@Service
@Command(scope = "careleaf", name = "list", description = "Lists every module with its version, state, languages and readability.")
public class ListCommand implements Action {

    @Reference
    private CatalogAdmin admin;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Version");
        table.column("State");
        table.column("Languages");
        table.column("Grade (en)");
        table.column("Bundle");
        for (ModuleStatus m : admin.modules()) {
            table.addRow().addContent(m.id(), m.version(), m.state().name().toLowerCase(java.util.Locale.ROOT), String.join(" ", m.locales()),
                    m.readability() == null ? "-" : String.format("%.1f", m.readability()), m.bundle());
        }
        table.print(System.out);
        return null;
    }
}
