package org.careleaf.web.internal.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import javax.servlet.Servlet;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.execution.HealthCheckExecutionOptions;
import org.apache.felix.hc.api.execution.HealthCheckExecutionResult;
import org.apache.felix.hc.api.execution.HealthCheckExecutor;
import org.apache.felix.hc.api.execution.HealthCheckMetadata;
import org.apache.felix.hc.api.execution.HealthCheckSelector;
import org.careleaf.catalog.internal.health.CatalogHealthCheck;
import org.careleaf.catalog.internal.library.TestCatalog;
import org.careleaf.web.internal.http.FakeHttp;
import org.careleaf.web.internal.http.Libraries;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;

/** The health view over the catalog's real health check, run by a small executor as Felix's would. */
class HealthServletTest {

    /** Runs the health checks it holds when asked for their tag, instantly, as Felix's executor does. */
    private static final class Executor implements HealthCheckExecutor {
        final List<HealthCheck> checks = new ArrayList<>();
        final List<HealthCheckExecutionOptions> options = new ArrayList<>();

        @Override
        public List<HealthCheckExecutionResult> execute(HealthCheckSelector selector) {
            return execute(selector, new HealthCheckExecutionOptions());
        }

        @Override
        public List<HealthCheckExecutionResult> execute(HealthCheckSelector selector, HealthCheckExecutionOptions o) {
            options.add(o);
            List<HealthCheckExecutionResult> out = new ArrayList<>();
            if (List.of(selector.tags()).contains("careleaf")) {
                for (HealthCheck c : checks) {
                    org.apache.felix.hc.api.Result r = c.execute();
                    out.add(new HealthCheckExecutionResult() {
                        @Override
                        public org.apache.felix.hc.api.Result getHealthCheckResult() {
                            return r;
                        }

                        @Override
                        public long getElapsedTimeInMs() {
                            return 0;
                        }

                        @Override
                        public java.util.Date getFinishedAt() {
                            return new java.util.Date();
                        }

                        @Override
                        public boolean hasTimedOut() {
                            return false;
                        }

                        @Override
                        public HealthCheckMetadata getHealthCheckMetadata() {
                            return null;
                        }
                    });
                }
            }
            return out;
        }
    }

    private final Executor executor = new Executor();
    private final HealthServlet servlet = new HealthServlet();

    private FakeHttp health(TestCatalog catalog) throws Exception {
        servlet.catalog = catalog;
        servlet.checks = executor;
        executor.checks.clear();
        if (catalog != null) {
            executor.checks.add(new CatalogHealthCheck(catalog));
        }
        return FakeHttp.at("GET", "/health", "/health").run(servlet);
    }

    private static JsonObject json(FakeHttp x) {
        return JsonParser.parseString(x.text()).getAsJsonObject();
    }

    @Test
    void okWhenEverythingServesAsShipped() throws Exception {
        FakeHttp x = health(Libraries.sample());
        assertEquals(200, x.status);
        assertEquals("no-store", x.responseHeader("Cache-Control"));
        JsonObject o = json(x);
        assertEquals("ok", o.get("status").getAsString());
        assertFalse(o.has("reason"));
        assertEquals(3, o.get("modules").getAsInt());
        assertEquals("[\"en\",\"ar\",\"de\"]", o.getAsJsonArray("locales").toString());
        assertTrue(o.get("revision").getAsLong() > 0);
        assertEquals(0, o.getAsJsonArray("problems").size());
        assertTrue(executor.options.get(0).isForceInstantExecution(), "never a cached verdict");
    }

    @Test
    void startingIs503WithRetryAfterAndTheReason() throws Exception {
        FakeHttp x = health(Libraries.sample().starting(2, 9));
        assertEquals(503, x.status);
        assertEquals("2", x.responseHeader("Retry-After"));
        JsonObject o = json(x);
        assertEquals("starting", o.get("status").getAsString());
        assertEquals("2 of 9 loaded", o.get("reason").getAsString());
        assertEquals(2, o.get("loaded").getAsInt());
        assertEquals(9, o.get("expected").getAsInt());
    }

    @Test
    void noModuleIsDown() throws Exception {
        FakeHttp x = health(new TestCatalog());
        assertEquals(503, x.status);
        assertNull(x.responseHeader("Retry-After"));
        assertEquals("down", json(x).get("status").getAsString());
        assertEquals("no module is installed and enabled", json(x).get("reason").getAsString());
    }

    @Test
    void noCatalogOrNoExecutorIsDownAndSaysWhy() throws Exception {
        FakeHttp x = health(null);
        assertEquals(503, x.status);
        assertEquals("the Careleaf catalog is not running", json(x).get("reason").getAsString());
        servlet.checks = null;
        FakeHttp without = FakeHttp.at("GET", "/health", "/health").run(servlet);
        assertEquals(503, without.status);
        assertTrue(json(without).get("reason").getAsString().contains("Felix Health Checks"));
    }

    @SuppressWarnings("unchecked")
    private static ServiceReference<Servlet> servlet(String name) {
        return (ServiceReference<Servlet>) Proxy.newProxyInstance(
                HealthServletTest.class.getClassLoader(), new Class<?>[] {ServiceReference.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "getProperty" -> "osgi.http.whiteboard.servlet.name".equals(args[0]) ? name : null;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    @Test
    void aReadyCatalogIsStillStartingUntilTheContentSurfacesRun() throws Exception {
        SurfacesHealthCheck surfaces = new SurfacesHealthCheck();
        List<ServiceReference<Servlet>> refs = new ArrayList<>();
        for (String name : SurfacesHealthCheck.CONTENT) {
            if (!name.equals("careleaf-viewer")) {
                refs.add(servlet(name));
            }
        }
        refs.add(servlet("careleaf-admin"));
        refs.forEach(surfaces::addServlet);
        servlet.catalog = Libraries.sample();
        servlet.checks = executor;
        executor.checks.clear();
        executor.checks.add(new CatalogHealthCheck(Libraries.sample()));
        executor.checks.add(surfaces);
        FakeHttp x = FakeHttp.at("GET", "/health", "/health").run(servlet);
        assertEquals(503, x.status);
        assertEquals("2", x.responseHeader("Retry-After"));
        assertEquals("starting", json(x).get("status").getAsString());
        assertEquals("the web surfaces are not all running yet (missing: careleaf-viewer)", json(x).get("reason").getAsString());

        ServiceReference<Servlet> viewer = servlet("careleaf-viewer");
        surfaces.addServlet(viewer);
        FakeHttp ready = FakeHttp.at("GET", "/health", "/health").run(servlet);
        assertEquals(200, ready.status);
        assertEquals("ok", json(ready).get("status").getAsString());

        surfaces.removeServlet(viewer);
        assertEquals(503, FakeHttp.at("GET", "/health", "/health").run(servlet).status);
        assertEquals(SurfacesHealthCheck.CONTENT, SurfacesHealthCheck.missing(List.of()));
    }
}
