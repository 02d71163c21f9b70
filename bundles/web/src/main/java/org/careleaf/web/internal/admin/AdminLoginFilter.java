package org.careleaf.web.internal.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Pattern;

import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.careleaf.web.internal.http.CareleafContext;
import org.careleaf.web.internal.http.JsonErrors;
import org.careleaf.web.internal.http.Paths;
import org.careleaf.web.internal.http.SecurityHeaders;
import org.careleaf.web.internal.http.WebConfig;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.propertytypes.ServiceRanking;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

/**
 * The admin surface's guard: every known admin path needs a login through Karaf's JAAS {@code karaf}
 * realm (HTTP Basic, meant for TLS or loopback) and the role {@code admin}; 401 without or with wrong
 * credentials, 403 without the role. Unknown paths pass unauthenticated to the servlet, which answers 404,
 * so that probing learns nothing about what exists. Repeated failed logins are answered 429 for a while
 * ({@link LoginThrottle}). Every admin answer is never framed and never stored.
 *
 * <p>It is also the admin's switch: with {@code admin.enabled = false} in {@code etc/org.careleaf.web.cfg}
 * every admin path is a 404 for everyone, as if the admin were not installed. The admin stays in this
 * bundle, not one of its own, because it shares the context, the headers and the templates; a switch is
 * all a hospital needs to leave it out. (A switch that registers and unregisters components instead
 * would leave the admin missing for a moment after every start.)
 */
@Component(service = Filter.class, configurationPid = WebConfig.PID)
@HttpWhiteboardFilterName("careleaf-admin-login")
@HttpWhiteboardFilterPattern("/admin/*")
@HttpWhiteboardContextSelect(CareleafContext.SELECT)
@ServiceRanking(200)
public class AdminLoginFilter implements Filter {

    static final String REALM = "karaf";
    static final String ROLE = "admin";
    /** Clinicians who approve content: a role of its own, so an administrator alone cannot approve. */
    static final String REVIEWER = "careleaf-reviewer";
    /** Request attribute holding the authenticated user name. */
    static final String USER = "careleaf.admin.user";
    /** Request attribute holding the user's roles. */
    static final String ROLES = "careleaf.admin.roles";

    /** The admin paths below {@code /admin}; anything else is a 404 for everyone. */
    static final Pattern KNOWN = Pattern.compile("/?|/modules/[a-z0-9-]{1,64}/(enable|disable)|/api/(modules|audit)"
            + "|" + ReviewServlet.PATHS);
    private static final Pattern REVIEW = Pattern.compile("/review(/.*)?|/api/review(/.*)?");
    private static final int MAX_CREDENTIALS = 512;
    private static final SecurityHeaders NEVER_FRAMED = SecurityHeaders.forFrameAncestors("'none'");

    private final LoginThrottle throttle = new LoginThrottle(Clock.systemUTC());
    private volatile boolean enabled;

    @Activate
    public AdminLoginFilter(WebConfig config) {
        configure(config);
    }

    @Modified
    void configure(WebConfig config) {
        enabled = config.admin_enabled();
    }

    /** The path below {@code /admin}: "" for the page itself. */
    static String adminPath(HttpServletRequest req) {
        String p = Paths.within(req);
        return p.length() <= "/admin".length() ? "" : p.substring("/admin".length());
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        NEVER_FRAMED.apply(resp);
        resp.setHeader("Cache-Control", "no-store");
        if (!enabled) {
            JsonErrors.send(resp, 404, "not-found", "no such admin path");
        } else if (!KNOWN.matcher(adminPath(req)).matches() || loggedIn(req, resp)) {
            chain.doFilter(request, response);
        }
    }

    /** True with the user set on the request; false after answering 401, 403 or 429. */
    private boolean loggedIn(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] credentials = basic(req.getHeader("Authorization"));
        String address = req.getRemoteAddr();
        if (credentials != null) {
            long wait = throttle.retryAfterSeconds(address, credentials[0]);
            if (wait > 0) {
                resp.setHeader("Retry-After", String.valueOf(wait));
                JsonErrors.send(resp, 429, "too-many-attempts", "too many failed logins; try again in " + wait
                        + " seconds");
                return false;
            }
        }
        Subject subject = credentials == null ? null : login(credentials[0], credentials[1]);
        if (credentials != null) {
            if (subject == null) {
                throttle.failed(address, credentials[0]);
            } else {
                throttle.succeeded(address, credentials[0]);
            }
        }
        if (subject == null) {
            resp.setHeader("WWW-Authenticate", "Basic realm=\"Careleaf administration\", charset=\"UTF-8\"");
            JsonErrors.send(resp, 401, "unauthenticated", "log in with a Karaf account that has the admin role");
            return false;
        }
        Set<String> roles = subject.getPrincipals(RolePrincipal.class).stream().map(RolePrincipal::getName)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        boolean review = REVIEW.matcher(adminPath(req)).matches();
        // reading what waits for review: administrators and reviewers; approving: reviewers only
        boolean allowed = !review ? roles.contains(ROLE)
                : "GET".equals(req.getMethod()) || "HEAD".equals(req.getMethod())
                        ? roles.contains(ROLE) || roles.contains(REVIEWER) : roles.contains(REVIEWER);
        if (!allowed) {
            JsonErrors.send(resp, 403, "forbidden", review && roles.contains(ROLE)
                    ? "approving content needs the " + REVIEWER + " role; the admin role alone does not"
                    : "this account does not have the " + (review ? REVIEWER : ROLE) + " role");
            return false;
        }
        req.setAttribute(USER, credentials[0]);
        req.setAttribute(ROLES, roles);
        return true;
    }

    /** User and password from a Basic Authorization header, or null. */
    static String[] basic(String header) {
        if (header == null || header.length() > MAX_CREDENTIALS || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    /** Logs in through JAAS; null when the realm refuses. */
    private Subject login(String user, String password) {
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        // Karaf's JAAS proxy login module resolves realms through the caller's class loader
        t.setContextClassLoader(getClass().getClassLoader());
        try {
            Subject subject = new Subject();
            LoginContext lc = new LoginContext(REALM, subject, callbacks -> {
                for (var c : callbacks) {
                    if (c instanceof NameCallback n) {
                        n.setName(user);
                    } else if (c instanceof PasswordCallback p) {
                        p.setPassword(password.toCharArray());
                    } else {
                        throw new UnsupportedCallbackException(c);
                    }
                }
            });
            lc.login();
            return subject;
        } catch (LoginException refused) {
            return null;
        } finally {
            t.setContextClassLoader(previous);
        }
    }
}
