package org.careleaf.shell.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.Row;
import org.apache.karaf.shell.support.table.ShellTable;
import org.careleaf.model.Completeness;
import org.careleaf.model.EducationCatalog;

@Service
@Command(scope = "careleaf", name = "translations",
        description = "Shows, per module and language, translated/total parts and how many are stale or missing.")
public class TranslationsCommand implements Action {

    @Reference
    private EducationCatalog catalog;

    @Override
    public Object execute() {
        List<Completeness> all = new java.util.ArrayList<>();
        for (String l : catalog.view(null).locales()) {
            all.addAll(catalog.view(l).completeness());
        }
        List<String> locales = all.stream().map(Completeness::locale).distinct().sorted().toList();
        Map<String, Map<String, Completeness>> byModule = new LinkedHashMap<>();
        for (Completeness c : all) {
            byModule.computeIfAbsent(c.module(), k -> new LinkedHashMap<>()).put(c.locale(), c);
        }
        ShellTable table = new ShellTable();
        table.column("Module");
        locales.forEach(table::column);
        for (var e : byModule.entrySet()) {
            Row row = table.addRow();
            row.addContent(e.getKey());
            for (String l : locales) {
                Completeness c = e.getValue().get(l);
                row.addContent(c == null ? "-" : c.translated() + "/" + c.total()
                        + (c.stale() > 0 ? " stale " + c.stale() : "") + (c.missing() > 0 ? " missing " + c.missing() : ""));
            }
        }
        table.print(System.out);
        return null;
    }
}
