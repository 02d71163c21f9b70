package org.careleaf.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.careleaf.model.EducationCatalog;
import org.careleaf.model.Problem;

@Service
@Command(scope = "careleaf", name = "problems", description = "Lists what was refused or cannot be served as shipped.")
public class ProblemsCommand implements Action {

    @Reference
    private EducationCatalog catalog;

    @Override
    public Object execute() {
        if (catalog.view(null).problems().isEmpty()) {
            System.out.println("No problems: every installed document is served as shipped.");
            return null;
        }
        ShellTable table = new ShellTable();
        table.column("When");
        table.column("Bundle");
        table.column("File");
        table.column("Path");
        table.column("Problem").maxSize(100).wrap();
        for (Problem p : catalog.view(null).problems()) {
            table.addRow().addContent(p.at(), p.bundle(), p.file(), p.path(), p.message());
        }
        table.print(System.out);
        return null;
    }
}
