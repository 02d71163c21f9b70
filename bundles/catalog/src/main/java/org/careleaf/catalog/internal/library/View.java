package org.careleaf.catalog.internal.library;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.careleaf.model.CatalogView;
import org.careleaf.model.Category;
import org.careleaf.model.Code;
import org.careleaf.model.CodeMatch;
import org.careleaf.model.CodeSystems;
import org.careleaf.model.Completeness;
import org.careleaf.model.Figure;
import org.careleaf.model.LanguageSummary;
import org.careleaf.model.ModuleDocument;
import org.careleaf.model.ModulePage;
import org.careleaf.model.ModuleQuery;
import org.careleaf.model.ModuleView;
import org.careleaf.model.PackSummary;
import org.careleaf.model.Problem;
import org.careleaf.model.Readiness;
import org.careleaf.model.ViewerText;

/** One snapshot seen in one language: what a request reads. */
public final class View implements CatalogView {

    private final Snapshot s;
    private final String locale;

    View(Snapshot s, String locale) {
        this.s = s;
        this.locale = locale;
    }

    @Override
    public long revision() {
        return s.revision;
    }

    @Override
    public Readiness readiness() {
        return s.readiness;
    }

    @Override
    public String locale() {
        return locale;
    }

    @Override
    public List<String> locales() {
        return s.locales;
    }

    @Override
    public String defaultLocale() {
        return s.defaultLocale;
    }

    @Override
    public Optional<ViewerText> viewerText() {
        return Optional.ofNullable(s.viewerTexts.get(locale));
    }

    @Override
    public int size() {
        return s.ordered.length;
    }

    @Override
    public ModulePage modules(ModuleQuery q) {
        int start = 0;
        if (q.after() != null) {
            ModuleKey after = cursorKey(q.after());
            if (after == null) {
                throw new IllegalArgumentException("the cursor is not one a module page gave");
            }
            start = s.after(after);
        }
        boolean filtered = q.pack() != null || q.category() != null || q.audience() != null || q.code() != null;
        List<ModuleView> page = new ArrayList<>(Math.min(q.limit(), s.ordered.length));
        String next = null;
        int total = 0;
        ModuleKey[] candidates = s.ordered;
        if (q.code() != null) {
            candidates = codeMatches(q.code());
        }
        if (!filtered) {
            total = s.ordered.length;
        } else {
            for (ModuleKey k : candidates) {
                if (matches(s.entries.get(k.id()).doc, q)) {
                    total++;
                }
            }
        }
        int from = q.code() == null ? start : firstAfter(candidates, start == 0 ? null : cursorKey(q.after()));
        ModuleKey last = null;
        for (int i = from; i < candidates.length; i++) {
            ModuleEntry e = s.entries.get(candidates[i].id());
            if (!matches(e.doc, q)) {
                continue;
            }
            if (page.size() == q.limit()) {
                next = cursor(last);
                break;
            }
            page.add(e.view(locale, s.rules));
            last = candidates[i];
        }
        return new ModulePage(page, total, next);
    }

    private static int firstAfter(ModuleKey[] keys, ModuleKey after) {
        if (after == null) {
            return 0;
        }
        int i = java.util.Arrays.binarySearch(keys, after);
        return i >= 0 ? i + 1 : -i - 1;
    }

    private ModuleKey[] codeMatches(Code code) {
        Optional<String> oid = CodeSystems.oid(code.system());
        if (oid.isEmpty() || code.code() == null) {
            return new ModuleKey[0];
        }
        ModuleKey[] found = s.byCode.get(codeKey(oid.get(), code.code()));
        return found == null ? new ModuleKey[0] : found;
    }

    private static boolean matches(ModuleDocument d, ModuleQuery q) {
        return (q.pack() == null || q.pack().equals(d.pack()))
                && (q.category() == null || q.category() == d.category())
                && (q.audience() == null || d.audience().contains(q.audience()));
    }

    /** The cursor of a position: the module's order and id. */
    static String cursor(ModuleKey k) {
        return k.order() + ":" + k.id();
    }

    static ModuleKey cursorKey(String cursor) {
        int colon = cursor.indexOf(':');
        if (colon <= 0 || colon > 12) {
            return null;
        }
        try {
            int order = Integer.parseInt(cursor.substring(0, colon));
            String id = cursor.substring(colon + 1);
            return org.careleaf.model.Identifiers.isId(id) ? new ModuleKey(order, id) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public List<ModuleView> modules() {
        List<ModuleView> out = new ArrayList<>(s.ordered.length);
        for (ModuleKey k : s.ordered) {
            out.add(s.entries.get(k.id()).view(locale, s.rules));
        }
        return out;
    }

    @Override
    public Optional<ModuleView> module(String id) {
        ModuleEntry e = s.enabledEntry(id);
        return e == null ? Optional.empty() : Optional.of(e.view(locale, s.rules));
    }

    @Override
    public CodeMatch modulesFor(List<Code> codes, List<Code> subtopics) {
        List<Code> unknown = new ArrayList<>();
        TreeSet<ModuleKey> found = new TreeSet<>();
        for (Code c : codes) {
            Optional<String> oid = CodeSystems.oid(c.system());
            if (oid.isEmpty()) {
                unknown.add(c);
                continue;
            }
            if (c.code() == null) {
                continue;
            }
            ModuleKey[] keys = s.byCode.get(codeKey(oid.get(), c.code()));
            if (keys != null) {
                found.addAll(List.of(keys));
            }
        }
        List<Code> ignored = new ArrayList<>();
        TreeSet<ModuleKey> answering = null;
        for (Code t : subtopics) {
            String key = t.system() == null || t.system().isBlank() ? "*|" + upper(t.code())
                    : CodeSystems.oid(t.system()).map(o -> codeKey(o, t.code())).orElse(null);
            ModuleKey[] keys = key == null ? null : s.bySubtopic.get(key);
            if (keys == null) {
                ignored.add(t);
            } else {
                if (answering == null) {
                    answering = new TreeSet<>();
                }
                answering.addAll(List.of(keys));
            }
        }
        if (answering != null) {
            found.retainAll(answering);
        }
        List<ModuleView> views = new ArrayList<>(found.size());
        for (ModuleKey k : found) {
            views.add(s.entries.get(k.id()).view(locale, s.rules));
        }
        return new CodeMatch(views, unknown, ignored);
    }

    static String codeKey(String oid, String code) {
        return oid + "|" + upper(code);
    }

    private static String upper(String code) {
        return code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
    }

    @Override
    public Optional<Figure> figure(String moduleId, String src) {
        ModuleEntry e = s.enabledEntry(moduleId);
        String svg = e == null || src == null ? null : e.chosen.figures().get(src);
        return svg == null ? Optional.empty() : Optional.of(new Figure(moduleId, src, svg));
    }

    @Override
    public List<PackSummary> packs() {
        Map<String, Map<Category, Integer>> counts = new LinkedHashMap<>();
        Map<String, ModuleEntry> first = new LinkedHashMap<>();
        for (ModuleKey k : s.ordered) {
            ModuleEntry e = s.entries.get(k.id());
            counts.computeIfAbsent(e.doc.pack(), p -> new java.util.EnumMap<>(Category.class))
                    .merge(e.doc.category(), 1, Integer::sum);
            ModuleEntry f = first.get(e.doc.pack());
            if (f == null || f.doc.category() != Category.OVERVIEW && e.doc.category() == Category.OVERVIEW) {
                first.put(e.doc.pack(), e);
            }
        }
        List<PackSummary> out = new ArrayList<>();
        counts.forEach((pack, byCategory) -> out.add(new PackSummary(pack, first.get(pack).view(locale, s.rules).content().title(),
                byCategory.values().stream().mapToInt(Integer::intValue).sum(), byCategory)));
        return out;
    }

    @Override
    public List<LanguageSummary> languages() {
        List<LanguageSummary> out = new ArrayList<>();
        for (String l : s.locales) {
            LanguageSummary t = s.languages.get(l);
            out.add(t != null ? t : new LanguageSummary(l, true, 0, 0, 0, 0, 0));
        }
        return out;
    }

    @Override
    public List<Completeness> completeness() {
        if (!s.languages.containsKey(locale)) {
            return List.of();
        }
        List<Completeness> out = new ArrayList<>(s.ordered.length);
        for (ModuleKey k : s.ordered) {
            out.add(s.entries.get(k.id()).completenessFor(locale));
        }
        return out;
    }

    @Override
    public List<Problem> problems() {
        return s.problems;
    }

    /** The snapshot this view reads. */
    public Snapshot snapshot() {
        return s;
    }
}
