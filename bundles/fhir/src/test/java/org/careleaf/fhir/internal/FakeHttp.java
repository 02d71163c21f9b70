package org.careleaf.fhir.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import javax.servlet.ReadListener;
import javax.servlet.ServletInputStream;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * (A copy of the web bundle's test fake.) One HTTP request to {@code http://ehr.example.org:8181/careleaf/fhir + pathInfo} and the response a servlet
 * gave it, without a container. Set the request fields, {@link #run} a servlet, then read {@link #status},
 * {@link #responseHeader} and {@link #text}; {@link #response()} alone records what a helper sets.
 */
final class FakeHttp {

    String method = "GET";
    String pathInfo;
    String scheme = "http";
    String serverName = "ehr.example.org";
    int serverPort = 8181;
    String contextPath = "/careleaf";
    String servletPath = "/fhir";
    String contentType;
    byte[] body = new byte[0];
    final Map<String, String[]> parameters = new LinkedHashMap<>();
    final Map<String, String> requestHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    int status = 200;
    // setContentType and setContentLength land here too, as a container would report them
    final Map<String, String> responseHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    final ByteArrayOutputStream responseBody = new ByteArrayOutputStream();

    FakeHttp() {
    }

    FakeHttp(String method, String pathInfo) {
        this.method = method;
        this.pathInfo = pathInfo;
    }

    FakeHttp param(String name, String... values) {
        parameters.put(name, values);
        return this;
    }

    FakeHttp header(String name, String value) {
        requestHeaders.put(name, value);
        return this;
    }

    FakeHttp post(String path, String type, String json) {
        method = "POST";
        pathInfo = path;
        contentType = type;
        body = json.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    FakeHttp run(HttpServlet servlet) throws Exception {
        servlet.service(request(), response());
        return this;
    }

    String text() {
        return responseBody.toString(StandardCharsets.UTF_8);
    }

    String responseHeader(String name) {
        return responseHeaders.get(name);
    }

    HttpServletRequest request() {
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

    HttpServletResponse response() {
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
                        case "setDateHeader" -> responseHeaders.put((String) args[0], String.valueOf(args[1]));
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
