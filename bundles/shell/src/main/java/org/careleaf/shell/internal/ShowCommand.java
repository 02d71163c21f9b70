package org.careleaf.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.careleaf.admin.CatalogAdmin;
import org.careleaf.admin.ModuleStatus;
import org.careleaf.model.EducationCatalog;
import org.careleaf.model.ModuleView;
import org.careleaf.model.Section;
import org.careleaf.model.Source;

@Service
@Command(scope = "careleaf", name = "show", description = "Shows one module: state, review, translation and sections.")
public class ShowCommand implements Action {

    @Argument(index = 0, name = "id", description = "The module id", required = true)
    @Completion(ModuleIdCompleter.class)
    private String id;

    @Option(name = "--lang", description = "The language to show it in (default: the catalog's default)")
    @Completion(LocaleCompleter.class)
    private String lang;

    @Reference
    private CatalogAdmin admin;

    @Reference
    private EducationCatalog catalog;

    @Override
    public Object execute() {
        ModuleStatus status = admin.modules().stream().filter(m -> m.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no module has the id '" + id + "'"));
        System.out.println(status.id() + " " + status.version() + " — " + status.title());
        System.out.println("State:       " + status.state().name().toLowerCase(java.util.Locale.ROOT) + " (from "
                + status.bundle() + ")");
        status.problems().forEach(p -> System.out.println("Problem:     " + p));
        ModuleView v = catalog.view(lang).module(id).orElse(null);
        if (v == null) {
            System.out.println("Not served (disabled).");
            return null;
        }
        var review = v.content().review();
        System.out.println("Review:      " + review.status() + ", written " + review.writtenOn() + ", next review "
                + review.nextReviewDue() + (review.reviewer() == null ? "" : ", by " + review.reviewer()));
        System.out.println("Language:    " + v.locale() + " (asked " + v.requested() + ", translation "
                + v.translationStatus() + ", " + v.fallbackIds().size() + " parts in " + v.sourceLocale() + ", "
                + v.staleIds().size() + " stale)");
        System.out.println("Readability: " + (v.readability().score() == null ? "no standard formula"
                : v.readability().formula() + " " + v.readability().score()));
        System.out.println("Sections:");
        for (Section s : v.content().parts()) {
            System.out.println("  " + s.id() + ": " + s.title() + " (" + s.blocks().size() + " blocks)");
        }
        System.out.println("Sources:");
        for (Source s : v.content().sources()) {
            System.out.println("  " + s.publisher() + ", " + s.title() + " <" + s.url() + ">");
        }
        return null;
    }
}
