package org.careleaf.catalog.internal.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.apache.felix.hc.api.Result;
import org.apache.felix.hc.api.ResultLog;
import org.careleaf.catalog.internal.library.TestCatalog;
import org.careleaf.model.Audience;
import org.careleaf.model.Category;
import org.careleaf.model.ModuleDocument;
import org.careleaf.model.Review;
import org.careleaf.model.ReviewStatus;
import org.junit.jupiter.api.Test;

class CatalogHealthCheckTest {

    private static ModuleDocument module(String id) {
        return new ModuleDocument(1, id, "1.0.0", "en", "mpc", "T", "S", Category.OVERVIEW, 1, List.of(Audience.PATIENT),
                List.of(), List.of(), null, new Review(ReviewStatus.NOT_CLINICALLY_REVIEWED, "2026-11-28", null, null,
                        "2027-05-28", "t"), List.of(), List.of());
    }

    private static List<String> messages(Result r) {
        List<String> out = new ArrayList<>();
        for (ResultLog.Entry e : r) {
            out.add(e.getStatus() + " " + e.getMessage());
        }
        return out;
    }

    @Test
    void okWhileModulesServe() {
        Result r = new CatalogHealthCheck(new TestCatalog().module(module("mpc-a"))).execute();
        assertEquals(Result.Status.OK, r.getStatus());
    }

    @Test
    void temporarilyUnavailableWhileStartingWithTheReason() {
        Result r = new CatalogHealthCheck(new TestCatalog().module(module("mpc-a")).starting(1, 4)).execute();
        assertEquals(Result.Status.TEMPORARILY_UNAVAILABLE, r.getStatus());
        assertEquals(List.of("TEMPORARILY_UNAVAILABLE 1 of 4 loaded"), messages(r));
    }

    @Test
    void criticalWithoutAModule() {
        Result r = new CatalogHealthCheck(new TestCatalog()).execute();
        assertEquals(Result.Status.CRITICAL, r.getStatus());
        assertEquals(List.of("CRITICAL no module is installed and enabled"), messages(r));
    }

    @Test
    void warnsWithEachProblem() {
        TestCatalog c = new TestCatalog().module(module("mpc-a"));
        c.library().report(List.of(new org.careleaf.model.Problem("org.example/1.0.0", "content/a.json", "$.title",
                "title is missing", "mpc-b", "2026-12-01T00:00:00Z")), new org.careleaf.model.Readiness(true, 1, 1, null));
        Result r = new CatalogHealthCheck(c).execute();
        assertEquals(Result.Status.WARN, r.getStatus());
        assertEquals("WARN org.example/1.0.0 content/a.json $.title: title is missing", messages(r).get(1));
    }
}
