package org.careleaf.catalog.internal.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.careleaf.catalog.internal.DocumentParser;
import org.careleaf.catalog.internal.Fixtures;
import org.careleaf.model.CatalogView;
import org.careleaf.model.Category;
import org.careleaf.model.Code;
import org.careleaf.model.LanguageSummary;
import org.careleaf.model.ModuleDocument;
import org.careleaf.model.ModulePage;
import org.careleaf.model.ModuleQuery;
import org.careleaf.model.Readiness;
import org.careleaf.model.TranslationDocument;
import org.careleaf.model.TranslationStatus;
import org.junit.jupiter.api.Test;

/** The catalog's state: what each change does, and that it does only that. */
class LibraryTest {

    private static final ModuleDocument BASE = DocumentParser.module(Fixtures.bytes("valid-module.json")).document();
    private final Library library = new Library();
    private long services = 1;

    private static ModuleDocument module(String id, String version, int order, Category category) {
        return new ModuleDocument(BASE.schemaVersion(), id, version, "en", "test", BASE.title() + " " + id, BASE.summary(),
                category, order, BASE.audience(), BASE.codes(), BASE.subtopics(), null, BASE.review(), BASE.sources(),
                BASE.sections());
    }

    private Candidate<ModuleDocument> offer(ModuleDocument d, long bundle, boolean lastGood) {
        Candidate<ModuleDocument> c = new Candidate<>(services++, bundle, "b" + bundle + "/1.0.0", d, lastGood, null);
        library.addModule(c);
        return c;
    }

    private Candidate<TranslationDocument> translate(ModuleDocument d, String locale, long bundle) {
        Candidate<TranslationDocument> c = new Candidate<>(services++, bundle, "l" + bundle + "/1.0.0",
                TestCatalog.translate(d, locale, t -> locale + ": " + t, Set.of(), Set.of()), false, null);
        library.addTranslation(c);
        return c;
    }

    private CatalogView view(String lang) {
        return library.snapshot().view(lang);
    }

    private List<String> ids(CatalogView v) {
        return v.modules().stream().map(m -> m.id()).toList();
    }

    @Test
    void modulesAreServedInOrderThenById() {
        offer(module("b-second", "1.0.0", 20, Category.TREATMENT), 1, false);
        offer(module("a-first", "1.0.0", 10, Category.OVERVIEW), 2, false);
        offer(module("c-tie", "1.0.0", 20, Category.SUPPORT), 3, false);
        assertEquals(List.of("a-first", "b-second", "c-tie"), ids(view(null)));
    }

    @Test
    void theHighestVersionWinsAndLosersAreProblems() {
        offer(module("m", "1.2.0", 1, Category.OVERVIEW), 1, false);
        offer(module("m", "1.10.0", 1, Category.OVERVIEW), 2, false);
        assertEquals("1.10.0", view(null).module("m").orElseThrow().version());
        assertTrue(view(null).problems().stream().anyMatch(p -> p.message().contains("module id clash")
                && p.bundle().equals("b1/1.0.0")));
    }

    @Test
    void onEqualVersionsAFreshCopyBeatsAKeptOneThenTheFirstRegistered() {
        Candidate<ModuleDocument> kept = offer(module("m", "1.0.0", 1, Category.OVERVIEW), 1, true);
        Candidate<ModuleDocument> fresh = offer(module("m", "1.0.0", 1, Category.OVERVIEW), 2, false);
        Selection.Choice<ModuleDocument> c = Selection.module(List.of(kept, fresh));
        assertSame(fresh, c.winner());
        Candidate<ModuleDocument> later = new Candidate<>(99, 3, "b3", module("m", "1.0.0", 1, Category.OVERVIEW), false, null);
        assertSame(fresh, Selection.module(List.of(later, fresh)).winner());
    }

    @Test
    void aRestartingBundleKeepsServingUntilItOffersAgain() {
        Candidate<ModuleDocument> old = offer(module("m", "1.0.0", 1, Category.OVERVIEW), 7, false);
        long revision = library.snapshot().revision();
        library.removeModule(old.serviceId(), true, 0);
        assertTrue(view(null).module("m").isPresent(), "served while its bundle restarts");
        assertEquals(revision, library.snapshot().revision() - 1, "nothing a reader sees changed");
        offer(module("m", "1.1.0", 1, Category.OVERVIEW), 7, false);
        assertEquals("1.1.0", view(null).module("m").orElseThrow().version());
        library.settle(7);
        assertEquals("1.1.0", view(null).module("m").orElseThrow().version());
    }

    @Test
    void aRestartedBundleThatNoLongerOffersAModuleLosesItWhenSettled() {
        Candidate<ModuleDocument> old = offer(module("gone", "1.0.0", 1, Category.OVERVIEW), 7, false);
        library.removeModule(old.serviceId(), true, 0);
        assertTrue(view(null).module("gone").isPresent());
        library.settle(7);
        assertTrue(view(null).module("gone").isEmpty());
    }

    @Test
    void aBundleThatNeverComesBackLosesItsModulesAfterTheGrace() {
        Candidate<ModuleDocument> old = offer(module("m", "1.0.0", 1, Category.OVERVIEW), 7, false);
        library.removeModule(old.serviceId(), true, 100);
        library.expire(50);
        assertTrue(view(null).module("m").isPresent());
        library.expire(200);
        assertTrue(view(null).module("m").isEmpty());
    }

    @Test
    void aStoppedBundleLosesItsModulesAtOnce() {
        Candidate<ModuleDocument> old = offer(module("m", "1.0.0", 1, Category.OVERVIEW), 7, false);
        library.removeModule(old.serviceId(), false, 0);
        assertTrue(view(null).module("m").isEmpty());
    }

    @Test
    void aTranslationThatArrivesFirstIsAppliedWhenItsModuleComes() {
        ModuleDocument m = module("m", "1.0.0", 1, Category.OVERVIEW);
        translate(m, "es", 5);
        assertTrue(view("es").module("m").isEmpty());
        offer(m, 1, false);
        assertEquals(TranslationStatus.MACHINE_ASSISTED, view("es").module("m").orElseThrow().translationStatus());
        assertTrue(view("es").module("m").orElseThrow().content().title().startsWith("es: "));
        assertEquals(List.of("en", "es"), view(null).locales());
    }

    @Test
    void aTranslationChangesOnlyItsModuleAndLanguage() {
        ModuleDocument a = module("a", "1.0.0", 1, Category.OVERVIEW);
        ModuleDocument b = module("b", "1.0.0", 2, Category.OVERVIEW);
        offer(a, 1, false);
        offer(b, 2, false);
        Candidate<TranslationDocument> es = translate(a, "es", 5);
        translate(b, "es", 5);
        translate(a, "de", 6);
        Snapshot before = library.snapshot();
        library.removeTranslation(es.serviceId(), true, 0); // its bundle restarts with a new version of it
        translate(a, "es", 5);
        library.settle(5);
        Snapshot after = library.snapshot();
        assertSame(before.entries.get("b"), after.entries.get("b"), "the other module's entry is shared, not rebuilt");
        assertNotEquals(before.entries.get("a"), after.entries.get("a"));
        assertSame(before.ordered, after.ordered, "the order did not change");
    }

    @Test
    void languageTotalsFollowEveryChange() {
        ModuleDocument a = module("a", "1.0.0", 1, Category.OVERVIEW);
        ModuleDocument b = module("b", "1.0.0", 2, Category.OVERVIEW);
        offer(a, 1, false);
        offer(b, 2, false);
        translate(a, "es", 5);
        LanguageSummary es = view(null).languages().get(1);
        assertEquals("es", es.locale());
        assertEquals(1, es.modules());
        assertEquals(16, es.parts());
        assertEquals(8, es.translated());
        assertEquals(8, es.missing());
        library.configure(Set.of("b"), Set.of(), "en");
        es = view(null).languages().get(1);
        assertEquals(8, es.parts());
        assertEquals(8, es.translated());
        assertEquals(0, es.missing());
        assertEquals(List.of("a"), view("es").completeness().stream().map(c -> c.module()).toList());
    }

    @Test
    void disabledModulesVanishFromListsCodesAndLookUps() {
        offer(module("a", "1.0.0", 1, Category.OVERVIEW), 1, false);
        offer(module("b", "1.0.0", 2, Category.OVERVIEW), 2, false);
        List<Code> c61 = List.of(new Code("http://hl7.org/fhir/sid/icd-10-cm", "c61", null));
        assertEquals(2, view(null).modulesFor(c61, List.of()).modules().size());
        library.configure(Set.of("a"), Set.of(), "en");
        assertEquals(List.of("b"), ids(view(null)));
        assertTrue(view(null).module("a").isEmpty());
        assertEquals(List.of("b"), view(null).modulesFor(c61, List.of()).modules().stream().map(m -> m.id()).toList());
        library.configure(Set.of(), Set.of(), "en");
        assertEquals(List.of("a", "b"), ids(view(null)));
    }

    @Test
    void codesAndSubtopicsFollowOneRule() {
        offer(module("a", "1.0.0", 1, Category.OVERVIEW), 1, false);
        List<Code> c61 = List.of(new Code("2.16.840.1.113883.6.90", "C61", null), new Code("9.9.9", "X", null));
        var match = view(null).modulesFor(c61, List.of(new Code("urn:oid:2.16.840.1.113883.6.177", "Q000628", null),
                new Code(null, "Q999999", null)));
        assertEquals(List.of("a"), match.modules().stream().map(m -> m.id()).toList());
        assertEquals("9.9.9", match.unknownSystems().get(0).system());
        assertEquals("Q999999", match.ignoredSubtopics().get(0).code());
        var narrowed = view(null).modulesFor(c61, List.of(new Code(null, "q000628", null)));
        assertEquals(1, narrowed.modules().size());
    }

    @Test
    void pagesAreStableWithACursorWhileModulesComeAndGo() {
        for (int i = 0; i < 25; i++) {
            offer(module(String.format("m-%02d", i), "1.0.0", i, i % 2 == 0 ? Category.TREATMENT : Category.SUPPORT), i, false);
        }
        ModulePage first = view(null).modules(ModuleQuery.all(10));
        assertEquals(25, first.total());
        assertEquals(10, first.modules().size());
        assertEquals("m-09", first.modules().get(9).id());
        offer(module("m-00b", "1.0.0", 0, Category.SUPPORT), 99, false); // arrives before the cursor
        ModulePage second = view(null).modules(new ModuleQuery(null, null, null, null, first.next(), 10));
        assertEquals("m-10", second.modules().get(0).id());
        ModulePage treatment = view(null).modules(new ModuleQuery(null, Category.TREATMENT, null, null, null, 5));
        assertEquals(13, treatment.total());
        assertTrue(treatment.modules().stream().allMatch(m -> m.content().category() == Category.TREATMENT));
        ModulePage rest = view(null).modules(new ModuleQuery(null, Category.TREATMENT, null, null, treatment.next(), 100));
        assertEquals(8, rest.modules().size());
        assertNull(rest.next());
        assertThrows(IllegalArgumentException.class,
                () -> view(null).modules(new ModuleQuery(null, null, null, null, "nonsense", 10)));
    }

    @Test
    void readinessIsReportedAndAnnouncedOnce() {
        library.configure(Set.of(), Set.of(), "en");
        library.approvals(ApprovalRules.OFF, Set.of());
        assertFalse(view(null).readiness().ready());
        assertTrue(library.report(List.of(), new Readiness(false, 1, 2, "1 of 2")).isEmpty());
        List<Library.Change> changes = library.report(List.of(), new Readiness(true, 2, 2, null));
        assertEquals("READY", changes.get(0).kind());
        assertTrue(library.report(List.of(), new Readiness(true, 2, 2, null)).isEmpty());
        assertTrue(view(null).readiness().ready());
    }

    @Test
    void notReadyUntilWhatAdministratorsChoseIsApplied() {
        // after a restart the extender may have every bundle in before enablement and approvals have started:
        // a module an administrator hid must not be served in between
        offer(module("hidden", "1.0.0", 1, Category.OVERVIEW), 1, false);
        assertTrue(library.report(List.of(), new Readiness(true, 1, 1, null)).isEmpty());
        Readiness waiting = view(null).readiness();
        assertFalse(waiting.ready());
        assertTrue(waiting.reason().contains("administrators"), waiting.reason());
        assertTrue(library.configure(Set.of("hidden"), Set.of(), "en").stream().noneMatch(c -> c.kind().equals("READY")));
        assertFalse(view(null).readiness().ready());
        List<Library.Change> changes = library.approvals(ApprovalRules.OFF, Set.of());
        assertTrue(changes.stream().anyMatch(c -> c.kind().equals("READY")), changes.toString());
        assertTrue(view(null).readiness().ready());
        assertTrue(view(null).module("hidden").isEmpty(), "the hidden module is hidden from the first ready answer");
    }

    @Test
    void theFirstChoiceCountsEvenWhenItChangesNothing() {
        library.approvals(ApprovalRules.OFF, Set.of());
        library.report(List.of(), new Readiness(true, 0, 0, null));
        assertFalse(view(null).readiness().ready());
        assertEquals("READY", library.configure(Set.of(), Set.of(), "en").get(0).kind());
        assertTrue(view(null).readiness().ready());
        assertTrue(library.configure(Set.of(), Set.of(), "en").isEmpty(), "a later echo changes nothing");
    }

    @Test
    void offeredLanguagesFollowTheConfiguration() {
        ModuleDocument a = module("a", "1.0.0", 1, Category.OVERVIEW);
        offer(a, 1, false);
        translate(a, "es", 5);
        translate(a, "de", 6);
        assertEquals(List.of("en", "de", "es"), view(null).locales());
        library.configure(Set.of(), Set.of("es"), "en");
        assertEquals(List.of("en", "es"), view(null).locales());
        assertEquals("en", view("de").locale(), "a language not offered falls back to the default");
        library.configure(Set.of(), Set.of(), "es");
        assertEquals("es", view(null).locale());
    }

    @Test
    void rememberedPreferencesAnswerAsTheResolverDoesAndStayBounded() {
        ModuleDocument a = module("a", "1.0.0", 1, Category.OVERVIEW);
        offer(a, 1, false);
        translate(a, "es", 5);
        Snapshot s = library.snapshot();
        for (String p : new String[] {"es", "es-MX", "de,es;q=0.5", "de", "", "*", "en;q=0,es", "x_y"}) {
            String resolved = LocaleResolver.resolve(p, s.locales, s.defaultLocale);
            assertEquals(resolved, s.view(p).locale(), p);
            assertEquals(resolved, s.view(p).locale(), p + ", remembered");
        }
        assertEquals("en", s.view(null).locale());
        for (int i = 0; i < 2 * Snapshot.MAX_RESOLVED; i++) {
            assertEquals("en", s.view("de-x-" + i).locale());
        }
        assertEquals(Snapshot.MAX_RESOLVED, s.resolvedCount(), "client-chosen values cannot grow the memory");
        assertEquals("es", s.view("es-419").locale(), "past the bound, preferences are still resolved");
    }

    @Test
    void anEchoOfTheSameConfigurationPublishesNothing() {
        library.configure(Set.of("x"), Set.of(), "en");
        long revision = library.snapshot().revision();
        assertTrue(library.configure(Set.of("x"), Set.of(), "en").isEmpty());
        assertEquals(revision, library.snapshot().revision());
    }

    // ---- the site's approvals

    private ApprovalRules rules(org.careleaf.admin.ApprovalPolicy policy, Candidate<ModuleDocument> approved,
            Candidate<ModuleDocument> copy) {
        java.util.Map<String, org.careleaf.admin.Approval> in = new java.util.HashMap<>();
        if (approved != null) {
            String hash = library.contentHash(approved);
            in.put(ApprovalRules.key(approved.document().id(), "en", hash), new org.careleaf.admin.Approval(
                    approved.document().id(), "en", false, approved.document().version(), hash, "nurse.a",
                    "2026-12-01T10:00:00Z", "web", "127.0.0.1", "checked"));
        }
        return new ApprovalRules(policy, in, copy == null ? java.util.Map.of()
                : java.util.Map.of(copy.document().id(), List.of(copy)), a -> "Clinical reviewer");
    }

    @Test
    void underRequireOnlyApprovedVersionsAreServedAndANewOneIsHeld() {
        Candidate<ModuleDocument> v1 = offer(module("m", "1.0.0", 1, Category.OVERVIEW), 1, false);
        library.approvals(rules(org.careleaf.admin.ApprovalPolicy.REQUIRE, v1, null), null);
        assertEquals("1.0.0", view(null).module("m").orElseThrow().version());
        assertTrue(view(null).module("m").orElseThrow().approval().approved());
        assertEquals("Clinical reviewer", view(null).module("m").orElseThrow().approval().by());
        // a new version arrives: the approved one keeps serving from its kept copy
        Candidate<ModuleDocument> copy = new Candidate<>(Long.MAX_VALUE / 2, -2, "approved copy", v1.document(), true, null);
        library.approvals(rules(org.careleaf.admin.ApprovalPolicy.REQUIRE, v1, copy), null);
        library.removeModule(v1.serviceId(), true, 0);
        offer(module("m", "2.0.0", 1, Category.OVERVIEW), 1, false);
        library.settle(1);
        assertEquals("1.0.0", view(null).module("m").orElseThrow().version());
        assertEquals(java.util.Map.of("m", "2.0.0"), library.heldForReview());
        // the new one approved: it is served
        Candidate<ModuleDocument> v2 = library.offeredModule("m");
        library.approvals(rules(org.careleaf.admin.ApprovalPolicy.REQUIRE, v2, copy), Set.of("m"));
        assertEquals("2.0.0", view(null).module("m").orElseThrow().version());
        assertTrue(library.heldForReview().isEmpty());
    }

    @Test
    void underRequireAModuleWithNoApprovedVersionIsNotServed() {
        offer(module("m", "1.0.0", 1, Category.OVERVIEW), 1, false);
        library.approvals(rules(org.careleaf.admin.ApprovalPolicy.REQUIRE, null, null), null);
        assertTrue(view(null).module("m").isEmpty());
        assertFalse(library.entries().get(0).served());
        library.approvals(rules(org.careleaf.admin.ApprovalPolicy.SHOW, null, null), null);
        assertFalse(view(null).module("m").orElseThrow().approval().approved(), "shown as not approved, but served");
        library.approvals(ApprovalRules.OFF, null);
        assertNull(view(null).module("m").orElseThrow().approval());
    }

    @Test
    void underRequireAnUnapprovedTranslationGivesWayToTheApprovedSource() {
        ModuleDocument m = module("m", "1.0.0", 1, Category.OVERVIEW);
        Candidate<ModuleDocument> v1 = offer(m, 1, false);
        translate(m, "es", 5);
        library.approvals(rules(org.careleaf.admin.ApprovalPolicy.REQUIRE, v1, null), null);
        var es = view("es").module("m").orElseThrow();
        assertEquals(TranslationStatus.AWAITING_APPROVAL, es.translationStatus());
        assertEquals("en", es.locale());
        assertFalse(es.translationApproval().approved());
    }

    @Test
    void anApprovalDoesNotCarryOverToChangedText() {
        Candidate<ModuleDocument> v1 = offer(module("m", "1.0.0", 1, Category.OVERVIEW), 1, false);
        ApprovalRules approvedV1 = rules(org.careleaf.admin.ApprovalPolicy.REQUIRE, v1, null);
        library.approvals(approvedV1, null);
        library.removeModule(v1.serviceId(), false, 0);
        // the same version number with one word changed is other content
        ModuleDocument edited = module("m", "1.0.0", 1, Category.OVERVIEW);
        edited = new ModuleDocument(edited.schemaVersion(), edited.id(), edited.version(), edited.locale(), edited.pack(),
                edited.title() + " (edited)", edited.summary(), edited.category(), edited.order(), edited.audience(),
                edited.codes(), edited.subtopics(), null, edited.review(), edited.sources(), edited.sections());
        offer(edited, 1, false);
        assertTrue(view(null).module("m").isEmpty());
        assertEquals(java.util.Map.of("m", "1.0.0"), library.heldForReview());
    }
}
