package org.careleaf.web.internal.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ReadListener;
import javax.servlet.ServletInputStream;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * One HTTP request to {@code http://ehr.example.org:8181/careleaf + servletPath + pathInfo} and the response
 * a servlet (behind filters, if given) gave it, without a container. Set the request fields, {@link #run} a
 * servlet, then read {@link #status}, {@link #responseHeader} and {@link #text}; {@link #response()} alone
 * records what a helper sets.
 */
public final class FakeHttp {

    public String method = "GET";
    public String pathInfo;
    public String scheme = "http";
    public String serverName = "ehr.example.org";
    public int serverPort = 8181;
    public String contextPath = "/careleaf";
    /** Empty for the viewer's {@code /*}; the pattern's prefix ({@code /api}) or the whole path for others. */
    public String servletPath = "";
    public String remoteAddr = "127.0.0.1";
    String contentType;
    byte[] body = new byte[0];
    public final Map<String, String[]> parameters = new LinkedHashMap<>();
    public final Map<String, String> requestHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    public final Map<String, Object> attributes = new LinkedHashMap<>();

    public int status = 200;
    // setContentType and setContentLength land here too, as a container would report them
    public final Map<String, String> responseHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    public final ByteArrayOutputStream responseBody = new ByteArrayOutputStream();

    public FakeHttp() {
    }

    /** A request for the viewer's pattern {@code /*}: the whole path is the path info. */
    public FakeHttp(String method, String pathInfo) {
        this.method = method;
        this.pathInfo = pathInfo;
    }

    /** A request to {@code path} (below the context) for a servlet registered with {@code pattern}. */
    public static FakeHttp at(String method, String pattern, String path) {
        FakeHttp x = new FakeHttp(method, null);
        if (pattern.endsWith("/*")) {
            x.servletPath = pattern.substring(0, pattern.length() - 2);
            String rest = path.substring(x.servletPath.length());
            x.pathInfo = rest.isEmpty() ? null : rest;
        } else {
            x.servletPath = path;
        }
        return x;
    }

    public FakeHttp param(String name, String... values) {
        parameters.put(name, values);
        return this;
    }

    public FakeHttp header(String name, String value) {
        requestHeaders.put(name, value);
        return this;
    }

    public FakeHttp body(String type, String text) {
        contentType = type;
        body = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** Runs the filters in order, then the servlet, as the whiteboard would. */
    public FakeHttp run(HttpServlet servlet, Filter... filters) throws Exception {
        HttpServletRequest req = request();
        HttpServletResponse resp = response();
        FilterChain[] chain = new FilterChain[filters.length + 1];
        chain[filters.length] = (rq, rs) -> servlet.service(rq, rs);
        for (int i = filters.length - 1; i >= 0; i--) {
            Filter f = filters[i];
            FilterChain next = chain[i + 1];
            chain[i] = (rq, rs) -> f.doFilter(rq, rs, next);
        }
        chain[0].doFilter(req, resp);
        return this;
    }

    public String text() {
        return responseBody.toString(StandardCharsets.UTF_8);
    }

    public String responseHeader(String name) {
        return responseHeaders.get(name);
    }

    public HttpServletRequest request() {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        ServletInputStream stream = new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return in.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("Careleaf's servlets use blocking I/O only");
            }
        };
        return (HttpServletRequest) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getPathInfo" -> pathInfo;
                    case "getContextPath" -> contextPath;
                    case "getRequestURI" -> contextPath + servletPath + (pathInfo == null ? "" : pathInfo);
                    case "getRemoteAddr" -> remoteAddr;
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> {
                        attributes.put((String) args[0], args[1]);
                        yield null;
                    }
                    case "getServletPath" -> servletPath;
                    case "getScheme" -> scheme;
                    case "getServerName" -> serverName;
                    case "getServerPort" -> serverPort;
                    case "getProtocol" -> "HTTP/1.1";
                    case "getContentType" -> contentType;
                    case "getContentLength" -> body.length;
                    case "getContentLengthLong" -> (long) body.length;
                    case "getInputStream" -> stream;
                    case "getHeader" -> requestHeaders.get((String) args[0]);
                    case "getDateHeader" -> -1L;
                    case "getParameterMap" -> Collections.unmodifiableMap(parameters);
                    case "getParameter" -> {
                        String[] v = parameters.get((String) args[0]);
                        yield v == null || v.length == 0 ? null : v[0];
                    }
                    case "toString" -> method + " " + pathInfo;
                    default -> defaultValue(m.getReturnType());
                });
    }

    public HttpServletResponse response() {
        ServletOutputStream stream = new ServletOutputStream() {
            @Override
            public void write(int b) {
                responseBody.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException("Careleaf's servlets use blocking I/O only");
            }
        };
        return (HttpServletResponse) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> {
                    switch (m.getName()) {
                        case "setStatus", "sendError" -> status = (Integer) args[0];
                        case "setHeader", "addHeader" -> responseHeaders.put((String) args[0], (String) args[1]);
                        case "setContentType" -> responseHeaders.put("Content-Type", (String) args[0]);
                        case "setContentLength", "setContentLengthLong" ->
                            responseHeaders.put("Content-Length", String.valueOf(args[0]));
                        case "getOutputStream" -> {
                            return stream;
                        }
                        case "getStatus" -> {
                            return status;
                        }
                        case "getHeader" -> {
                            return responseHeaders.get((String) args[0]);
                        }
                        case "containsHeader" -> {
                            return responseHeaders.containsKey((String) args[0]);
                        }
                        case "getContentType" -> {
                            return responseHeaders.get("Content-Type");
                        }
                        case "getCharacterEncoding" -> {
                            return "utf-8";
                        }
                        default -> {
                            return defaultValue(m.getReturnType());
                        }
                    }
                    return null;
                });
    }

    // A proxy must not answer null for a primitive: that would throw instead of meaning "nothing set".
    private static Object defaultValue(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        return null;
    }
}
