package org.careleaf.shell.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.careleaf.admin.CatalogAdmin;
import org.careleaf.admin.ModuleStatus;

/** Completes module ids, enabled or not. */
@Service
public class ModuleIdCompleter implements Completer {

    @Reference
    private CatalogAdmin admin;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter ids = new StringsCompleter();
        admin.modules().stream().map(ModuleStatus::id).forEach(ids.getStrings()::add);
        return ids.complete(session, commandLine, candidates);
    }
}
