package org.careleaf.search.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.careleaf.catalog.internal.library.TestCatalog;
import org.careleaf.search.SearchQuery;
import org.junit.jupiter.api.Test;

/** The indexing thread as the catalog's events drive it. */
class IndexerTest {

    /** Polls until the condition holds; the limit only stops a broken build from hanging. */
    static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("never happened: " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void indexesOnceReadyThenFollowsTheEvents() throws InterruptedException {
        TestCatalog catalog = new TestCatalog().starting(0, 9);
        ShippedLibrary.modules().forEach(catalog::module);
        SectionIndex index = new SectionIndex(catalog, ShippedLibrary.synonyms());
        SearchService.Indexer indexer = new SearchService.Indexer(index, catalog, getClass().getClassLoader());
        indexer.start();
        try {
            // module events before the catalog is ready build nothing
            indexer.changed("MODULE_ADDED", "mpc-overview");
            assertTrue(!index.built());
            catalog.ready();
            indexer.changed("READY", null);
            eventually("the first index", index::built);
            assertEquals(9, index.modules().size());

            catalog.disable("mpc-chemotherapy");
            indexer.changed("CONFIGURATION_CHANGED", null);
            eventually("the disabled module gone", () -> !index.modules().contains("mpc-chemotherapy"));
            assertTrue(index.search(new SearchQuery("docetaxel", "en", 0, 10)).hits().stream()
                    .noneMatch(h -> h.module().equals("mpc-chemotherapy")));

            // events that change nothing served write nothing
            int written = index.written();
            indexer.changed("AUDIT", null);
            indexer.changed("MODULE_HELD", "mpc-overview");
            assertEquals(written, index.written());
        } finally {
            indexer.stop();
        }
    }
}
