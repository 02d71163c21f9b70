package org.careleaf.fhir.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.careleaf.model.CatalogView;
import org.careleaf.model.Code;
import org.careleaf.model.CodeSystems;
import org.careleaf.model.ModuleDocument;
import org.careleaf.model.ModulePage;
import org.careleaf.model.ModuleQuery;
import org.careleaf.model.ModuleView;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.SearchEntryMode;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * A DocumentReference search over the library at one revision: one resource per enabled module and
 * language served, in the catalog's module order, each module's languages in the catalog's order.
 *
 * <p>Unfiltered searches and searches for one code in a named system page through the catalog itself
 * ({@link CatalogView#modules(ModuleQuery)}), so a page costs the page, whatever the library's size.
 * Searches by {@code _id}, {@code _lastUpdated}, several codes or a code in any system are built in memory
 * from the catalog's code index or module list.
 */
final class Search {

    /** The systems a code without a system is looked up in: every one the catalog indexes. */
    static final List<String> SYSTEMS = List.of(CodeSystems.ICD10CM, CodeSystems.ICD10_WHO, CodeSystems.SNOMED_CT,
            CodeSystems.ATC, CodeSystems.RXNORM, CodeSystems.LOINC, CodeSystems.NDC);

    record Entry(String moduleId, String language) {
    }

    private final Views views;
    private final SearchParams p;
    private final Links links;
    private final List<String> notes = new ArrayList<>();
    /** Modules already read in a language, so a page reads each once. */
    private final Map<Entry, ModuleView> read = new HashMap<>();

    Search(Views views, SearchParams p, Links links) {
        this.views = views;
        this.p = p;
        this.links = links;
    }

    Bundle run() {
        List<String> languages = languages();
        List<Entry> entries = new ArrayList<>();
        int total;
        String next = null;
        Optional<Code> single = singleCode();
        if (languages.isEmpty()) {
            total = 0;
        } else if (!p.filtered() || single.isPresent()) {
            Cursor c = Cursor.decode(p.cursor(), true);
            total = libraryPage(languages, single.orElse(null), c, entries);
            next = libraryNext;
        } else {
            List<Entry> all = filtered(languages);
            total = all.size();
            Cursor c = Cursor.decode(p.cursor(), false);
            int from = Math.min(c.skip(), all.size());
            int to = p.summaryCount() ? from : Math.min(all.size(), from + p.count());
            entries.addAll(all.subList(from, to));
            if (!p.summaryCount() && to < all.size()) {
                next = new Cursor(false, null, to).encode();
            }
        }
        return bundle(entries, total, next);
    }

    // Languages ------------------------------------------------------------------------------------------

    /** The languages asked for, each resolved as the catalog resolves a reader's language, in served order. */
    private List<String> languages() {
        List<String> served = views.locales();
        if (p.languages().isEmpty()) {
            return served;
        }
        Set<String> wanted = null;
        for (List<Token> group : p.languages()) {
            Set<String> resolved = new LinkedHashSet<>();
            for (Token t : group) {
                String locale = views.resolve(t.code());
                if (!locale.equals(t.code())) {
                    notes.add("language '" + t.code() + "' is served as '" + locale + "', as the catalog serves a reader who asks for it");
                }
                resolved.add(locale);
            }
            if (wanted == null) {
                wanted = resolved;
            } else {
                wanted.retainAll(resolved);
            }
        }
        List<String> out = new ArrayList<>();
        for (String l : served) {
            if (wanted.contains(l)) {
                out.add(l);
            }
        }
        return out;
    }

    // Pages the catalog makes ----------------------------------------------------------------------------

    private String libraryNext;

    private Optional<Code> singleCode() {
        if (!p.ids().isEmpty() || !p.lastUpdated().isEmpty() || p.codes().size() != 1 || p.codes().get(0).size() != 1) {
            return Optional.empty();
        }
        Token t = p.codes().get(0).get(0);
        if (t.system() == null || t.system().isEmpty()) {
            return Optional.empty();
        }
        Optional<String> oid = CodeSystems.oid(t.system());
        if (oid.isEmpty()) {
            // known to match nothing: the in-memory path says so and answers an empty page
            return Optional.empty();
        }
        return Optional.of(new Code(oid.get(), t.code(), null));
    }

    /** One page of modules × languages through the catalog's pages; returns the total. */
    private int libraryPage(List<String> languages, Code code, Cursor c, List<Entry> out) {
        int k = languages.size();
        CatalogView first = views.in(languages.get(0));
        int wanted = p.summaryCount() ? 1 : (c.skip() + p.count() + k - 1) / k;
        ModulePage page = modules(first, code, c.after(), Math.max(1, Math.min(wanted, ModuleQuery.MAX_LIMIT)));
        if (p.summaryCount()) {
            return page.total() * k;
        }
        int index = 0;
        int end = c.skip();
        for (ModuleView m : page.modules()) {
            for (String l : languages) {
                if (index++ < c.skip()) {
                    continue;
                }
                if (out.size() == p.count()) {
                    break;
                }
                Entry e = new Entry(m.id(), l);
                if (l.equals(first.locale())) {
                    read.put(e, m);
                }
                out.add(e);
                end++;
            }
        }
        boolean more = end < page.modules().size() * k || page.next() != null;
        if (more) {
            int full = end / k;
            String after = full == 0 ? c.after()
                    : full == page.modules().size() ? page.next() : modules(first, code, c.after(), full).next();
            libraryNext = new Cursor(true, after, end % k).encode();
        }
        return page.total() * k;
    }

    private static ModulePage modules(CatalogView view, Code code, String after, int limit) {
        try {
            return view.modules(new ModuleQuery(null, null, null, code, after, limit));
        } catch (IllegalArgumentException e) {
            throw FhirException.invalid("_cursor is not one a next link of this search gave");
        }
    }

    // Searches built in memory -------------------------------------------------------------------------

    private List<Entry> filtered(List<String> languages) {
        // filters read codes and dates, the same in every language: scan in the default language (the
        // source, served without localising) and localise only the page's resources afterwards
        CatalogView first = views.base();
        List<Entry> out = new ArrayList<>();
        if (!p.ids().isEmpty()) {
            Set<Entry> pairs = null;
            for (List<String> group : p.ids()) {
                Set<Entry> g = new LinkedHashSet<>();
                for (String id : group) {
                    LogicalIds.parse(id, views.locales()).ifPresent(x -> g.add(new Entry(x.moduleId(), x.language())));
                }
                if (pairs == null) {
                    pairs = g;
                } else {
                    pairs.retainAll(g);
                }
            }
            for (Entry e : pairs) {
                if (!languages.contains(e.language())) {
                    continue;
                }
                Optional<ModuleView> m = views.in(e.language()).module(e.moduleId());
                if (m.isPresent() && matches(m.get().content())) {
                    read.put(e, m.get());
                    out.add(e);
                }
            }
            return out;
        }
        List<ModuleView> modules = p.codes().isEmpty() ? first.modules() : byCodes(first);
        for (ModuleView m : modules) {
            if (!matchesDates(m.content())) {
                continue;
            }
            for (String l : languages) {
                Entry e = new Entry(m.id(), l);
                if (l.equals(first.locale())) {
                    read.put(e, m);
                }
                out.add(e);
            }
        }
        return out;
    }

    /** The modules that carry a code of every code parameter, in order. */
    private List<ModuleView> byCodes(CatalogView view) {
        List<ModuleView> result = null;
        for (List<Token> group : p.codes()) {
            List<Code> codes = new ArrayList<>();
            for (Token t : group) {
                codes.addAll(expand(t));
            }
            List<ModuleView> found = codes.isEmpty() ? List.of() : view.modulesFor(codes, List.of()).modules();
            if (result == null) {
                result = new ArrayList<>(found);
            } else {
                Set<String> ids = new java.util.HashSet<>();
                found.forEach(m -> ids.add(m.id()));
                result.removeIf(m -> !ids.contains(m.id()));
            }
        }
        return result;
    }

    private List<Code> expand(Token t) {
        if (t.system() == null) {
            return SYSTEMS.stream().map(s -> new Code(s, t.code(), null)).toList();
        }
        if (t.system().isEmpty()) {
            return List.of(); // every code Careleaf holds has a system
        }
        Optional<String> oid = CodeSystems.oid(t.system());
        if (oid.isEmpty()) {
            notes.add("code system '" + t.system() + "' is not one Careleaf indexes (known: "
                    + String.join(", ", CodeSystems.names()) + "); it matches nothing");
            return List.of();
        }
        return List.of(new Code(oid.get(), t.code(), null));
    }

    private boolean matches(ModuleDocument m) {
        for (List<Token> group : p.codes()) {
            boolean any = false;
            for (Token t : group) {
                for (Code c : expand(t)) {
                    any |= m.hasCode(c.system(), c.code());
                }
            }
            if (!any) {
                return false;
            }
        }
        return matchesDates(m);
    }

    private boolean matchesDates(ModuleDocument m) {
        Instant t = DocumentReferences.lastUpdated(m);
        for (List<DateBound> group : p.lastUpdated()) {
            if (group.stream().noneMatch(b -> b.matches(t))) {
                return false;
            }
        }
        return true;
    }

    // The answer ------------------------------------------------------------------------------------------

    private Bundle bundle(List<Entry> entries, int total, String next) {
        Bundle b = new Bundle();
        b.setType(BundleType.SEARCHSET);
        b.setTotal(total);
        String self = links.fhirBase() + "/DocumentReference" + (p.query().isEmpty() ? "" : "?" + p.query());
        b.addLink().setRelation("self").setUrl(self + (p.cursor() == null ? "" : (p.query().isEmpty() ? "?" : "&")
                + "_cursor=" + Links.encode(p.cursor())));
        if (next != null) {
            b.addLink().setRelation("next").setUrl(self + (p.query().isEmpty() ? "?" : "&") + "_cursor=" + Links.encode(next));
        }
        for (Entry e : entries) {
            ModuleView m = read.get(e);
            if (m == null) {
                m = views.in(e.language()).module(e.moduleId()).orElseThrow(Views.Changed::new);
            }
            b.addEntry().setFullUrl(links.resource("DocumentReference", LogicalIds.of(e.moduleId(), e.language())))
                    .setResource(DocumentReferences.of(m, e.language(), links))
                    .getSearch().setMode(SearchEntryMode.MATCH);
        }
        if (!notes.isEmpty()) {
            OperationOutcome o = Outcomes.of(IssueSeverity.INFORMATION, IssueType.INFORMATIONAL, String.join("; ", notes));
            b.addEntry().setFullUrl("urn:uuid:" + java.util.UUID.randomUUID()).setResource(o)
                    .getSearch().setMode(SearchEntryMode.OUTCOME);
        }
        return b;
    }
}
