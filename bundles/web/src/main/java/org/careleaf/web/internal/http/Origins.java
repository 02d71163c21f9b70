package org.careleaf.web.internal.http;

import java.util.Locale;
import java.util.regex.Pattern;

import javax.servlet.http.HttpServletRequest;

/**
 * The scheme, host and port a client reached us on, for the absolute links Infobutton entries and CDS
 * Hooks cards must carry (an EHR opens them outside our origin).
 */
public final class Origins {

    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,252})");
    private static final Pattern IPV6 = Pattern.compile("\\[?[0-9A-Fa-f:.]{2,45}]?");

    private Origins() {
    }

    /**
     * {@code http://host:port} without a trailing slash, or null when the {@code Host} the client sent is
     * not a host name or address: it would end up inside links we hand to other systems.
     */
    public static String of(HttpServletRequest req) {
        String scheme = "https".equalsIgnoreCase(req.getScheme()) ? "https" : "http";
        String host = req.getServerName();
        if (host == null || host.isEmpty()) {
            return null;
        }
        if (host.indexOf(':') >= 0) {
            if (!IPV6.matcher(host).matches()) {
                return null;
            }
            host = host.startsWith("[") ? host : "[" + host + "]";
        } else if (!HOST_NAME.matcher(host).matches()) {
            return null;
        }
        int port = req.getServerPort();
        boolean defaultPort = port <= 0 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
        return scheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
