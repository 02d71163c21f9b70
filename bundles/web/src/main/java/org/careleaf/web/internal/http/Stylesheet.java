package org.careleaf.web.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The viewer's stylesheet, shipped in this bundle. Pages link to it with its content hash in {@code ?v=},
 * so browsers may keep that URL for a year and still see a new stylesheet at once after an update.
 */
public final class Stylesheet {

    public static final String PATH = "/static/viewer.css";
    public static final RenderCache.Rendered CSS = RenderCache.of(read(), null);
    public static final String VERSION = CSS.etag().replace("\"", "");

    private Stylesheet() {
    }

    /** The versioned link to the stylesheet below {@code base}. */
    public static String href(String base) {
        return base + PATH + "?v=" + VERSION;
    }

    private static byte[] read() {
        try (InputStream in = Stylesheet.class.getResourceAsStream(PATH)) {
            if (in == null) {
                throw new IllegalStateException("the bundle lacks " + PATH);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
