package org.careleaf.bench.bare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The container's own ceiling for bench/run-http.sh: answers {@code /bare/<file>} with bytes read once from
 * {@code ${karaf.data}/bare/}, in the default context, with no filters and no work per request.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("careleaf-bench-bare")
@HttpWhiteboardServletPattern("/bare/*")
public class BareServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final Map<String, byte[]> bodies = new HashMap<>();

    @Activate
    void activate() throws IOException {
        Path folder = Path.of(System.getProperty("karaf.data", "data"), "bare");
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    bodies.put("/" + f.getFileName(), Files.readAllBytes(f));
                }
            }
        }
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String name = req.getPathInfo() == null ? "" : req.getPathInfo();
        byte[] body = bodies.get(name);
        if (body == null) {
            resp.sendError(404);
            return;
        }
        resp.setContentType(name.endsWith(".html") ? "text/html;charset=utf-8" : "application/json;charset=utf-8");
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }
}
