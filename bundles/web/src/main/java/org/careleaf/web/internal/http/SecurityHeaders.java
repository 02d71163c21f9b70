package org.careleaf.web.internal.http;

import java.util.Locale;
import java.util.regex.Pattern;

import javax.servlet.http.HttpServletResponse;

/**
 * The security headers of every Careleaf answer: a Content-Security-Policy that allows only Careleaf's own
 * stylesheet and pictures (no scripts, no inline styles), and a frame-ancestors list an administrator
 * may widen so a hospital system can embed the viewer.
 */
public final class SecurityHeaders {

    public static final String DEFAULT_FRAME_ANCESTORS = "'self'";

    /** Plenty for a hospital's portals; more is a misconfiguration, not a need. */
    private static final int MAX_SOURCES = 16;
    private static final int MAX_LENGTH = 1024;
    private static final String LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
    private static final Pattern ORIGIN = Pattern.compile(
            "https?://(?:\\*\\.)?" + LABEL + "(?:\\." + LABEL + ")*(?::(?:[0-9]{1,5}|\\*))?");

    private final String frameAncestors;
    private final String policy;

    private SecurityHeaders(String frameAncestors) {
        this.frameAncestors = frameAncestors;
        this.policy = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; "
                + "frame-ancestors " + frameAncestors;
    }

    /** Headers for the configured frame-ancestors value; an invalid value gives the default. */
    public static SecurityHeaders forFrameAncestors(String configured) {
        String valid = validFrameAncestors(configured);
        return new SecurityHeaders(valid == null ? DEFAULT_FRAME_ANCESTORS : valid);
    }

    /**
     * The value normalised (single spaces, lower case), or null when it is not a list of {@code 'self'} and
     * http(s) origins, or {@code 'none'} alone. Anything else could smuggle other directives into the policy.
     */
    public static String validFrameAncestors(String configured) {
        if (configured == null || configured.isBlank() || configured.length() > MAX_LENGTH) {
            return null;
        }
        String[] sources = configured.trim().toLowerCase(Locale.ROOT).split("\\s+");
        if (sources.length > MAX_SOURCES) {
            return null;
        }
        if (sources.length == 1 && sources[0].equals("'none'")) {
            return "'none'";
        }
        for (String s : sources) {
            if (!s.equals("'self'") && !ORIGIN.matcher(s).matches()) {
                return null;
            }
        }
        return String.join(" ", sources);
    }

    public String frameAncestors() {
        return frameAncestors;
    }

    public void apply(HttpServletResponse resp) {
        resp.setHeader("Content-Security-Policy", policy);
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Referrer-Policy", "no-referrer");
        // Older browsers ignore frame-ancestors; the legacy header can only say "same origin" or "never", so it
        // is sent only when that is exactly what the policy allows.
        if (DEFAULT_FRAME_ANCESTORS.equals(frameAncestors)) {
            resp.setHeader("X-Frame-Options", "SAMEORIGIN");
        } else if ("'none'".equals(frameAncestors)) {
            resp.setHeader("X-Frame-Options", "DENY");
        }
    }
}
