package org.careleaf.web.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;

import org.careleaf.catalog.internal.library.TestCatalog;
import org.careleaf.model.CatalogView;
import org.junit.jupiter.api.Test;

class RenderCacheTest {

    @Test
    void keepsOneBodyPerRevisionAndKey() {
        TestCatalog catalog = Libraries.sample();
        RenderCache cache = new RenderCache(1 << 20);
        AtomicInteger renders = new AtomicInteger();
        CatalogView view = catalog.view("en");
        RenderCache.Rendered a = cache.get(view, "k", () -> RenderCache.of("body " + renders.incrementAndGet(), "en"));
        assertSame(a, cache.get(catalog.view("en"), "k", () -> RenderCache.of("again", "en")));
        catalog.disable("mpc-living-well");
        RenderCache.Rendered b = cache.get(catalog.view("en"), "k", () -> RenderCache.of("body " + renders.incrementAndGet(), "en"));
        assertNotSame(a, b);
        assertEquals("body 2", new String(b.body(), java.nio.charset.StandardCharsets.UTF_8));
        assertSame(a, cache.get(view, "k", () -> null), "a request that read the older view still gets its body");
    }

    @Test
    void nothingIsKeptForNothing() {
        RenderCache cache = new RenderCache(1 << 20);
        CatalogView view = new TestCatalog().view("en");
        assertNull(cache.get(view, "missing", () -> null));
        assertEquals("x", new String(cache.get(view, "missing", () -> RenderCache.of("x", null)).body(),
                java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void boundedByBytesNotEntries() {
        RenderCache cache = new RenderCache(100_000);
        CatalogView view = new TestCatalog().view("en");
        String tenKilobytes = "x".repeat(10_000);
        for (int i = 0; i < 100; i++) {
            cache.get(view, "key " + i, () -> RenderCache.of(tenKilobytes, null));
        }
        assertTrue(cache.weight() <= 100_000, "kept " + cache.weight() + " bytes");
        assertTrue(cache.weight() >= 50_000, "kept " + cache.weight() + " bytes");
    }

    @Test
    void etagsAreStrongAndFollowTheBytes() {
        assertEquals(RenderCache.of("a", null).etag(), RenderCache.of("a", "en").etag());
        assertTrue(RenderCache.of("a", null).etag().matches("\"[0-9a-f]{24}\""));
        assertTrue(!RenderCache.of("a", null).etag().equals(RenderCache.of("b", null).etag()));
    }
}
