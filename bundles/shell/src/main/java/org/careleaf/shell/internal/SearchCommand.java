package org.careleaf.shell.internal;

import java.util.List;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.careleaf.search.EducationSearch;
import org.careleaf.search.SearchHit;
import org.careleaf.search.SearchQuery;
import org.careleaf.search.SearchResult;

@Service
@Command(scope = "careleaf", name = "search", description = "Searches the enabled modules as a reader would, and shows"
        + " the sections found, best first.")
public class SearchCommand implements Action {

    @Argument(index = 0, name = "words", description = "What a reader would type", required = true, multiValued = true)
    private List<String> words;

    @Option(name = "--lang", description = "The reader's language (default: the catalog's default)")
    @Completion(LocaleCompleter.class)
    private String lang;

    @Option(name = "--limit", description = "Hits to show, 1 to " + SearchQuery.MAX_LIMIT + " (default 10)")
    private int limit = 10;

    /** Optional: search is a feature of its own (careleaf-search). */
    @Reference(optional = true)
    private EducationSearch search;

    @Override
    public Object execute() {
        if (search == null) {
            System.out.println("Search is not installed (feature careleaf-search).");
            return null;
        }
        SearchResult r = search.search(new SearchQuery(String.join(" ", words), lang, 0, limit));
        System.out.println(r.total() + " section(s) in " + r.locale() + " for \"" + r.query() + "\"");
        if (r.hits().isEmpty()) {
            return null;
        }
        ShellTable table = new ShellTable();
        table.column("Score").alignRight();
        table.column("Module#section");
        table.column("Lang");
        table.column("Section");
        table.column("Snippet").maxSize(80);
        for (SearchHit h : r.hits()) {
            // matches in [brackets]: the shell has no other way to mark them
            String snippet = h.snippet().stream().map(f -> f.match() ? "[" + f.text() + "]" : f.text())
                    .collect(Collectors.joining());
            table.addRow().addContent(String.format(java.util.Locale.ROOT, "%.2f", h.score()), h.module() + "#" + h.section(),
                    h.locale(), h.sectionTitle(), snippet);
        }
        table.print(System.out);
        return null;
    }
}
