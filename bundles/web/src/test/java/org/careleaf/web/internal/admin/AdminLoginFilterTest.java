package org.careleaf.web.internal.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.careleaf.web.internal.http.FakeHttp;
import org.careleaf.web.internal.http.TestConfig;
import org.junit.jupiter.api.Test;

/** The admin guard without a JAAS realm: every known path needs a login, unknown ones pass on to the 404. */
class AdminLoginFilterTest {

    private final AdminLoginFilter filter = new AdminLoginFilter(TestConfig.defaults());
    private boolean reached;

    private final HttpServlet servlet = new HttpServlet() {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) {
            reached = true;
            resp.setStatus(404);
        }
    };

    private FakeHttp get(String path, String... header) throws Exception {
        FakeHttp x = FakeHttp.at("GET", "/admin/*", path);
        if (header.length == 2) {
            x.header(header[0], header[1]);
        }
        return x.run(servlet, TestConfig.gate(null), filter);
    }

    @Test
    void knownPathsNeedALogin() throws Exception {
        for (String path : new String[] {"/admin", "/admin/", "/admin/api/modules", "/admin/api/audit",
            "/admin/modules/mpc-outlook/disable"}) {
            reached = false;
            FakeHttp x = get(path);
            assertEquals(401, x.status, path);
            assertTrue(x.responseHeader("WWW-Authenticate").startsWith("Basic realm="));
            assertTrue(!reached, path);
        }
        assertEquals(401, get("/admin/", "Authorization", "Basic !!!").status);
    }

    @Test
    void unknownPathsPassUnauthenticatedToTheServlet() throws Exception {
        FakeHttp x = get("/admin/secret-backup");
        assertTrue(reached);
        assertEquals(404, x.status);
    }

    @Test
    void switchedOffEveryAdminPathIs404ForEveryone() throws Exception {
        filter.configure(TestConfig.web("/careleaf", "'self'", false));
        for (String path : new String[] {"/admin/", "/admin/api/modules", "/admin/secret-backup"}) {
            reached = false;
            FakeHttp x = get(path, "Authorization", "Basic YWRtaW46c2VjcmV0");
            assertEquals(404, x.status, path);
            assertTrue(!reached, "the admin servlet never sees a request");
        }
        filter.configure(TestConfig.defaults());
        assertEquals(401, get("/admin/").status);
    }

    @Test
    void adminAnswersAreNeverFramedNorStored() throws Exception {
        FakeHttp x = get("/admin/");
        assertTrue(x.responseHeader("Content-Security-Policy").endsWith("frame-ancestors 'none'"));
        assertEquals("DENY", x.responseHeader("X-Frame-Options"));
        assertEquals("no-store", x.responseHeader("Cache-Control"));
    }

    @Test
    void basicCredentialsAreReadCarefully() {
        assertEquals("admin", AdminLoginFilter.basic("Basic YWRtaW46c2VjcmV0")[0]);
        assertEquals("secret", AdminLoginFilter.basic("Basic YWRtaW46c2VjcmV0")[1]);
        assertNull(AdminLoginFilter.basic("Bearer x"));
        assertNull(AdminLoginFilter.basic("Basic " + "A".repeat(600)));
        assertNull(AdminLoginFilter.basic("Basic bm9jb2xvbg=="));
    }
}
