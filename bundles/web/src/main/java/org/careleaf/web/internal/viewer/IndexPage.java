package org.careleaf.web.internal.viewer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.careleaf.model.CatalogView;
import org.careleaf.model.Category;
import org.careleaf.model.ModulePage;
import org.careleaf.model.ModuleQuery;
import org.careleaf.model.ModuleView;
import org.careleaf.model.PackSummary;
import org.careleaf.model.TranslationStatus;
import org.careleaf.web.internal.http.WebJson;

/**
 * The list of topics as template {@code viewer/index.ftlh} shows it, grouped by pack and category. A
 * library of up to {@value #PAGE} topics is listed whole on the first page; a larger one lists its packs,
 * each linking to its own pages of {@value #PAGE} topics ({@code ?pack=mpc&cursor=…}), so the page stays
 * small at ten thousand modules.
 *
 * @param packs the packs shown; a single pack has no heading of its own
 * @param machineNotice whether to say once, above the list, that translations are machine-assisted
 * @param nextHref the next page of this pack, or null
 * @param firstHref the first page of this pack, when this is a later one; else null
 */
public record IndexPage(List<PackGroup> packs, boolean machineNotice, boolean empty, String nextHref,
        String firstHref) {

    static final int PAGE = 100;

    /**
     * One pack: its topics by category, or (in a large library's overview) how many it has and a link.
     *
     * @param heading whether the pack has its own heading (more than one pack shown)
     * @param moreHref the pack's own pages, when its topics are not listed here; else null
     */
    public record PackGroup(String id, String title, boolean heading, int modules, List<CategoryGroup> categories,
            String moreHref) {
    }

    /** The topics of one category; {@code key} is its viewer string ({@code category.treatment}). */
    public record CategoryGroup(String key, int modules, List<Topic> topics) {
    }

    /**
     * One topic in a list.
     *
     * @param status its translation status, as a class name ({@code machine-assisted} …)
     * @param statusKey the viewer string said under it, or null: machine assistance is said once above the
     *        list, so only the exceptions are said per topic
     */
    public record Topic(String href, String title, String titleLang, String summary, String summaryLang,
            String status, String statusKey) {
    }

    /** The first page: everything when the library is small, else the packs. */
    static IndexPage overview(CatalogView view, String base) {
        List<PackSummary> packs = view.packs();
        boolean heading = packs.size() > 1;
        if (view.size() <= PAGE) {
            List<ModuleView> all = view.modules();
            List<PackGroup> groups = new ArrayList<>();
            for (PackSummary p : packs) {
                List<ModuleView> inPack = all.stream().filter(v -> p.pack().equals(v.content().pack())).toList();
                groups.add(new PackGroup(p.pack(), p.title(), heading, p.modules(), categories(inPack, base), null));
            }
            return new IndexPage(groups, machineAssisted(all), all.isEmpty(), null, null);
        }
        List<PackGroup> groups = new ArrayList<>();
        for (PackSummary p : packs) {
            List<CategoryGroup> counts = new ArrayList<>();
            for (Category c : Category.values()) {
                int n = p.byCategory().getOrDefault(c, 0);
                if (n > 0) {
                    counts.add(new CategoryGroup("category." + WebJson.name(c), n, List.of()));
                }
            }
            groups.add(new PackGroup(p.pack(), p.title(), true, p.modules(), counts,
                    Shell.href(base, "/", params(p.pack(), null, view.locale()))));
        }
        return new IndexPage(groups, false, groups.isEmpty(), null, null);
    }

    /**
     * One page of a pack's topics, or null when the pack has none.
     *
     * @throws IllegalArgumentException when the cursor is not one a page gave
     */
    static IndexPage pack(CatalogView view, String base, String pack, String cursor) {
        ModulePage page = view.modules(new ModuleQuery(pack, null, null, null, cursor, PAGE));
        if (page.total() == 0) {
            return null;
        }
        PackSummary summary = view.packs().stream().filter(p -> p.pack().equals(pack)).findFirst().orElseThrow();
        PackGroup group = new PackGroup(pack, summary.title(), true, summary.modules(), categories(page.modules(), base),
                null);
        String locale = view.locale();
        return new IndexPage(List.of(group), machineAssisted(page.modules()), false,
                page.next() == null ? null : Shell.href(base, "/", params(pack, page.next(), locale)),
                cursor == null ? null : Shell.href(base, "/", params(pack, null, locale)));
    }

    private static Map<String, String> params(String pack, String cursor, String locale) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("pack", pack);
        p.put("cursor", cursor);
        p.put("lang", locale);
        return p;
    }

    private static boolean machineAssisted(List<ModuleView> views) {
        return views.stream().anyMatch(v -> v.translationStatus() == TranslationStatus.MACHINE_ASSISTED);
    }

    private static List<CategoryGroup> categories(List<ModuleView> views, String base) {
        List<CategoryGroup> out = new ArrayList<>();
        for (Category c : Category.values()) {
            List<Topic> topics = views.stream().filter(v -> v.content().category() == c).map(v -> topic(v, base))
                    .toList();
            if (!topics.isEmpty()) {
                out.add(new CategoryGroup("category." + WebJson.name(c), topics.size(), topics));
            }
        }
        return out;
    }

    private static Topic topic(ModuleView v, String base) {
        Set<String> fallback = new HashSet<>(v.fallbackIds());
        String status = WebJson.name(v.translationStatus());
        boolean said = v.translationStatus() == TranslationStatus.MISSING
                || v.translationStatus() == TranslationStatus.REVIEWED;
        return new Topic(Shell.href(base, "/modules/" + v.id(), Map.of("lang", v.requested())), v.content().title(),
                fallback.contains(ModuleView.TITLE_ID) ? v.sourceLocale() : v.locale(), v.content().summary(),
                fallback.contains(ModuleView.SUMMARY_ID) ? v.sourceLocale() : v.locale(), status,
                said ? "translation." + status : null);
    }
}
