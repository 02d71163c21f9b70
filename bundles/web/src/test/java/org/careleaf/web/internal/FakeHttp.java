package org.careleaf.web.internal;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Just enough of a servlet request and response, as dynamic proxies, to call a servlet in a unit test. */
final class FakeHttp {

    private FakeHttp() {
    }

    /** A request to {@code /careleaf + pathInfo}; {@code query} holds parameters, {@code headers} headers. */
    static HttpServletRequest request(String method, String pathInfo, Map<String, String> query,
            Map<String, String> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getPathInfo" -> pathInfo;
                    case "getContextPath" -> "";
                    case "getServletPath" -> "/careleaf";
                    case "getProtocol" -> "HTTP/1.1";
                    case "getParameter" -> query.get((String) args[0]);
                    case "getHeader" -> headers.entrySet().stream()
                            .filter(e -> e.getKey().equalsIgnoreCase((String) args[0]))
                            .map(Map.Entry::getValue).findFirst().orElse(null);
                    case "getDateHeader" -> -1L;
                    case "toString" -> method + " " + pathInfo;
                    default -> null;
                });
    }

    /** Records status, headers and body. */
    static final class Response {
        int status = 200;
        final Map<String, String> headers = new HashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final HttpServletResponse proxy;

        Response() {
            ServletOutputStream out = new ServletOutputStream() {
                @Override
                public void write(int b) {
                    body.write(b);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
            proxy = (HttpServletResponse) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (p, m, args) -> {
                        switch (m.getName()) {
                            case "setStatus" -> status = (Integer) args[0];
                            case "setHeader", "addHeader" -> headers.put(((String) args[0]).toLowerCase(),
                                    (String) args[1]);
                            case "setContentType" -> headers.put("content-type", (String) args[0]);
                            case "setContentLength" -> headers.put("content-length", String.valueOf(args[0]));
                            case "getOutputStream" -> {
                                return out;
                            }
                            case "getHeader" -> {
                                return headers.get(((String) args[0]).toLowerCase());
                            }
                            case "containsHeader" -> {
                                return headers.containsKey(((String) args[0]).toLowerCase());
                            }
                            case "getStatus" -> {
                                return status;
                            }
                            case "isCommitted" -> {
                                return false;
                            }
                            case "getCharacterEncoding" -> {
                                return "utf-8";
                            }
                            default -> {
                                // other calls change nothing a test looks at
                            }
                        }
                        return null;
                    });
        }

        HttpServletResponse proxy() {
            return proxy;
        }

        String header(String name) {
            return headers.get(name.toLowerCase());
        }

        String text() {
            return body.toString(StandardCharsets.UTF_8);
        }
    }
}
