package org.careleaf.cdshooks.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import javax.servlet.http.HttpServletRequest;

/** The JSON body of a POST: its media type checked, its size bounded, its bytes decoded as strict UTF-8. */
final class RequestBodies {

    private RequestBodies() {
    }

    /** application/json, with no charset or UTF-8 (JSON is UTF-8 on the wire, RFC 8259). */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";");
        if (!parts[0].trim().equalsIgnoreCase("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim().toLowerCase(Locale.ROOT);
            if (p.startsWith("charset=") && !p.substring(8).replace("\"", "").equals("utf-8")) {
                return false;
            }
        }
        return true;
    }

    /** The body as text, at most {@code max} bytes. */
    static String read(HttpServletRequest req, int max) throws IOException, RequestRejected {
        if (!isJson(req.getContentType())) {
            throw new RequestRejected(415, "unsupported-media-type", "send the request as application/json (UTF-8)");
        }
        if (req.getContentLengthLong() > max) {
            throw tooLarge(max);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (InputStream in = req.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (bytes.size() + n > max) {
                    throw tooLarge(max);
                }
                bytes.write(buffer, 0, n);
            }
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw RequestRejected.bad("bad-json", "the request body is not UTF-8 text");
        }
    }

    private static RequestRejected tooLarge(int max) {
        return new RequestRejected(413, "body-too-large", "the request body is larger than "
                + (max >= 1 << 20 ? (max >> 20) + " MiB" : (max >> 10) + " KiB"));
    }
}
