package org.careleaf.catalog.internal.approval;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.careleaf.admin.Actor;
import org.careleaf.admin.Approval;
import org.careleaf.admin.ApprovalPolicy;
import org.careleaf.admin.ContentApprovals;
import org.careleaf.admin.PendingReview;
import org.careleaf.admin.ReviewDiff;
import org.careleaf.catalog.internal.AuditTrail;
import org.careleaf.catalog.internal.CatalogCore;
import org.careleaf.catalog.internal.ContentHash;
import org.careleaf.catalog.internal.library.ApprovalRules;
import org.careleaf.catalog.internal.library.Candidate;
import org.careleaf.catalog.internal.library.Library;
import org.careleaf.model.Block;
import org.careleaf.model.ModuleDocument;
import org.careleaf.model.ModuleView;
import org.careleaf.model.Section;
import org.careleaf.model.TranslatedText;
import org.careleaf.model.TranslationDocument;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The site's clinical approvals: who approved which exact version of which module or translation, kept
 * durably ({@link ApprovalStore}) and audited, and applied to what is served according to the site's
 * policy. Under {@code require} the catalog serves only approved content: a newer version waits, held
 * back, while the last approved one serves; a translation no approval covers gives way to the approved
 * source text.
 */
@Component(service = ContentApprovals.class, immediate = true, configurationPid = Approvals.PID)
@Designate(ocd = ApprovalConfig.class)
public class Approvals implements ContentApprovals {

    public static final String PID = "org.careleaf.approvals";
    /** Synthetic ids of approved copies: they never collide with service ids, and lose every tie to them. */
    private static final long COPY_IDS = Long.MAX_VALUE / 2;

    @Reference
    private CatalogCore core;

    @Reference
    private AuditTrail audit;

    private ApprovalStore store;
    /** Karaf's etc/org.careleaf.approvals.cfg, read directly only until Config Admin delivers it. */
    private Path karafFile;
    private volatile ApprovalPolicy policy = ApprovalPolicy.OFF;
    private volatile Function<Approval, String> shownAs = Approval::reviewer;
    private Map<String, Approval> current = Map.of();
    private long copyIds = COPY_IDS;
    /** One candidate per approved copy, kept across changes so the library sees the same candidate each time. */
    private final Map<String, Candidate<ModuleDocument>> copyCandidates = new HashMap<>();

    @Activate
    void activate(BundleContext context, ApprovalConfig config, Map<String, Object> properties) {
        String karafData = context.getProperty("karaf.data");
        Path root = karafData != null ? Path.of(karafData, "careleaf", "approvals") : context.getDataFile("approvals").toPath();
        store = new ApprovalStore(root);
        String etc = context.getProperty("karaf.etc");
        karafFile = etc == null ? null : Path.of(etc, PID + ".cfg");
        configure(config, properties);
    }

    @Modified
    synchronized void configure(ApprovalConfig config, Map<String, Object> properties) {
        ApprovalSettings settings = ApprovalSettings.of(config, properties, karafFile);
        policy = parse(settings.policy());
        String label = settings.roleLabel() == null || settings.roleLabel().isBlank() ? "A clinician of this hospital"
                : settings.roleLabel().trim();
        shownAs = "name".equalsIgnoreCase(settings.shownAs()) ? Approval::reviewer : a -> label;
        current = store.current();
        apply(null);
    }

    private static ApprovalPolicy parse(String value) {
        try {
            return ApprovalPolicy.valueOf(value == null ? "OFF" : value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            // an unknown word must not open the door: the strictest policy applies until it is fixed
            java.util.logging.Logger.getLogger(Approvals.class.getName()).warning(() -> "Careleaf: policy '" + value
                    + "' in " + PID + " is not off, show or require; requiring approval until it is fixed");
            return ApprovalPolicy.REQUIRE;
        }
    }

    /** Hands the library the rules for what is approved now (for the given modules, or all when null). */
    private void apply(Set<String> changed) {
        Map<String, List<Candidate<ModuleDocument>>> copies = new HashMap<>();
        copyCandidates.keySet().retainAll(current.keySet());
        for (Map.Entry<String, Approval> e : current.entrySet()) {
            Approval a = e.getValue();
            if (a.translation()) {
                continue;
            }
            Candidate<ModuleDocument> c = copyCandidates.get(e.getKey());
            if (c == null) {
                c = store.module(a).map(copy -> new Candidate<>(copyIds++, -2, "approved copy of " + a.module() + " "
                        + a.version(), copy.document(), true, copy.figures())).orElse(null);
                if (c == null) {
                    continue; // the copy is gone: the version is served only while its bundle offers it
                }
                copyCandidates.put(e.getKey(), c);
            }
            copies.computeIfAbsent(a.module(), k -> new ArrayList<>()).add(c);
        }
        core.post(core.library().approvals(new ApprovalRules(policy, current, copies, shownAs), changed));
    }

    @Override
    public ApprovalPolicy policy() {
        return policy;
    }

    @Override
    public synchronized List<Approval> approvals() {
        List<Approval> out = new ArrayList<>(current.values());
        Collections.reverse(out);
        return out;
    }

    @Override
    public synchronized List<PendingReview> pending() {
        Library library = core.library();
        List<PendingReview> out = new ArrayList<>();
        for (String key : library.offeredKeys()) {
            int bar = key.indexOf('|');
            if (bar < 0) {
                Candidate<ModuleDocument> c = library.offeredModule(key);
                if (c == null) {
                    continue;
                }
                String hash = library.contentHash(c);
                if (!covered(key, c.document().locale(), hash)) {
                    out.add(new PendingReview(key, c.document().locale(), false, c.document().version(), hash,
                            approvedVersion(key, c.document().locale()), c.bundle()));
                }
            } else {
                String id = key.substring(0, bar);
                String locale = key.substring(bar + 1);
                Candidate<TranslationDocument> t = library.offeredTranslation(id, locale);
                if (t == null || library.offeredModule(id) == null) {
                    continue;
                }
                String hash = ContentHash.of(t.document());
                if (!covered(id, locale, hash)) {
                    out.add(new PendingReview(id, locale, true, t.document().translatedFrom(), hash,
                            approvedVersion(id, locale), t.bundle()));
                }
            }
        }
        return out;
    }

    private boolean covered(String module, String locale, String hash) {
        return current.containsKey(ApprovalRules.key(module, locale, hash));
    }

    /** The version of the newest approval in force for a module (or translation), or null. */
    private String approvedVersion(String module, String locale) {
        return newestApproval(module, locale).map(Approval::version).orElse(null);
    }

    private java.util.Optional<Approval> newestApproval(String module, String locale) {
        Approval found = null;
        for (Approval a : current.values()) {
            if (a.module().equals(module) && a.locale().equals(locale)) {
                found = a; // in the order approved: the last one is the newest
            }
        }
        return java.util.Optional.ofNullable(found);
    }

    @Override
    public synchronized Approval approve(String moduleId, String locale, String contentHash, String comment,
            Actor actor) {
        Objects.requireNonNull(actor, "actor");
        Library library = core.library();
        Candidate<ModuleDocument> module = library.offeredModule(moduleId);
        if (module == null) {
            throw new IllegalArgumentException("no module has the id '" + moduleId + "'");
        }
        boolean translation = locale != null && !locale.isBlank() && !locale.equals(module.document().locale());
        String note = comment == null ? "" : comment.strip();
        if (note.length() > 2000) {
            throw new IllegalArgumentException("the comment is longer than 2000 characters");
        }
        Approval a;
        if (translation) {
            Candidate<TranslationDocument> t = library.offeredTranslation(moduleId, locale);
            if (t == null || !ContentHash.of(t.document()).equals(contentHash)) {
                throw new IllegalArgumentException("no " + locale + " translation of '" + moduleId + "' with that content "
                        + "is on offer; reload what waits for review");
            }
            a = approval(moduleId, locale, true, t.document().translatedFrom(), contentHash, note, actor);
            store.keep(a, t.document());
        } else {
            if (!library.contentHash(module).equals(contentHash)) {
                throw new IllegalArgumentException("the version of '" + moduleId + "' on offer is not the one with that "
                        + "content; reload what waits for review");
            }
            a = approval(moduleId, module.document().locale(), false, module.document().version(), contentHash, note, actor);
            store.keep(a, module.document(), module.figures());
        }
        if (covered(a.module(), a.locale(), a.contentHash())) {
            return current.get(ApprovalRules.key(a.module(), a.locale(), a.contentHash()));
        }
        store.record("approve", a);
        audit.record(actor, "approve", target(a), "not approved", "approved");
        Map<String, Approval> next = new LinkedHashMap<>(current);
        next.put(ApprovalRules.key(a.module(), a.locale(), a.contentHash()), a);
        current = next;
        apply(Set.of(moduleId));
        return a;
    }

    @Override
    public synchronized Approval withdraw(String moduleId, String locale, String contentHash, String comment,
            Actor actor) {
        Objects.requireNonNull(actor, "actor");
        String lang = locale;
        if (lang == null || lang.isBlank()) {
            Candidate<ModuleDocument> m = core.library().offeredModule(moduleId);
            lang = current.values().stream().filter(a -> a.module().equals(moduleId) && !a.translation())
                    .map(Approval::locale).findFirst().orElse(m == null ? "en" : m.document().locale());
        }
        Approval was = current.get(ApprovalRules.key(moduleId, lang, contentHash));
        if (was == null) {
            throw new IllegalArgumentException("no approval of that content of '" + moduleId + "' is in force");
        }
        Approval w = approval(moduleId, was.locale(), was.translation(), was.version(), contentHash,
                comment == null ? "" : comment.strip(), actor);
        store.record("withdraw", w);
        audit.record(actor, "withdraw-approval", target(w), "approved", "not approved");
        Map<String, Approval> next = new LinkedHashMap<>(current);
        next.remove(ApprovalRules.key(moduleId, was.locale(), contentHash));
        current = next;
        apply(Set.of(moduleId));
        return w;
    }

    private static Approval approval(String module, String locale, boolean translation, String version, String hash,
            String comment, Actor actor) {
        return new Approval(module, locale, translation, version, hash, actor.user(), Instant.now().toString(),
                actor.channel(), actor.from(), comment);
    }

    private static String target(Approval a) {
        return a.module() + " " + a.version() + (a.translation() ? " (" + a.locale() + " translation)" : "") + " "
                + a.contentHash().substring(0, 12);
    }

    // ---- what changed since the approved version

    @Override
    public synchronized ReviewDiff diff(String moduleId, String locale) {
        Library library = core.library();
        Candidate<ModuleDocument> module = library.offeredModule(moduleId);
        if (module == null) {
            throw new IllegalArgumentException("no module has the id '" + moduleId + "'");
        }
        String source = module.document().locale();
        if (locale == null || locale.isBlank() || locale.equals(source)) {
            java.util.Optional<Approval> approved = newestApproval(moduleId, source);
            ModuleDocument before = approved.flatMap(store::module).map(ApprovalStore.ModuleCopy::document).orElse(null);
            return new ReviewDiff(moduleId, source, approved.map(Approval::version).orElse(null),
                    module.document().version(), changes(before == null ? Map.of() : texts(before), texts(module.document())));
        }
        Candidate<TranslationDocument> t = library.offeredTranslation(moduleId, locale);
        if (t == null) {
            throw new IllegalArgumentException("'" + moduleId + "' has no " + locale + " translation on offer");
        }
        java.util.Optional<Approval> approved = newestApproval(moduleId, locale);
        TranslationDocument before = approved.flatMap(store::translation).orElse(null);
        return new ReviewDiff(moduleId, locale, approved.map(Approval::version).orElse(null), t.document().translatedFrom(),
                changes(before == null ? Map.of() : texts(before), texts(t.document())));
    }

    private static List<ReviewDiff.Part> changes(Map<String, String> before, Map<String, String> after) {
        List<ReviewDiff.Part> out = new ArrayList<>();
        after.forEach((id, text) -> {
            String old = before.get(id);
            if (old == null) {
                out.add(new ReviewDiff.Part(id, "added", null, text));
            } else if (!old.equals(text)) {
                out.add(new ReviewDiff.Part(id, "changed", old, text));
            }
        });
        before.forEach((id, text) -> {
            if (!after.containsKey(id)) {
                out.add(new ReviewDiff.Part(id, "removed", text, null));
            }
        });
        return out;
    }

    /** Each part's text as a reviewer reads it, in reading order. */
    static Map<String, String> texts(ModuleDocument m) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(ModuleView.TITLE_ID, m.title());
        out.put(ModuleView.SUMMARY_ID, m.summary());
        for (Section s : m.parts()) {
            out.put(s.id(), s.title());
            for (Block b : s.blocks()) {
                out.put(b.id(), join(b.title(), b.term(), b.text(), String.join(" • ", b.items()), b.alt(), b.src()));
            }
        }
        return out;
    }

    static Map<String, String> texts(TranslationDocument t) {
        Map<String, String> out = new LinkedHashMap<>();
        put(out, ModuleView.TITLE_ID, t.title());
        put(out, ModuleView.SUMMARY_ID, t.summary());
        new java.util.TreeMap<>(t.sections()).forEach((id, x) -> put(out, id, x));
        new java.util.TreeMap<>(t.blocks()).forEach((id, b) -> out.put(id, join(b.title(), b.term(), b.text(),
                String.join(" • ", b.items()), b.alt(), null)));
        return out;
    }

    private static void put(Map<String, String> out, String id, TranslatedText t) {
        if (t != null) {
            out.put(id, t.text());
        }
    }

    private static String join(String... parts) {
        List<String> present = new ArrayList<>();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                present.add(p.replace("**", ""));
            }
        }
        return String.join(" — ", present);
    }

    /** Lines of the approval record that a crash tore. */
    public int tornLines() {
        return store.tornLines();
    }
}
