package org.careleaf.shell.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.careleaf.model.EducationCatalog;

/** Completes the languages the catalog serves. */
@Service
public class LocaleCompleter implements Completer {

    @Reference
    private EducationCatalog catalog;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(catalog.view(null).locales()).complete(session, commandLine, candidates);
    }
}
