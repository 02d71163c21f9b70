package org.careleaf.web.internal.api;

import java.util.Arrays;
import java.util.Locale;

import javax.servlet.http.HttpServletRequest;

import org.careleaf.model.Audience;
import org.careleaf.model.Category;
import org.careleaf.model.Code;
import org.careleaf.model.Identifiers;
import org.careleaf.model.ModuleQuery;
import org.careleaf.web.internal.http.WebJson;

/**
 * The query parameters of {@code GET /api/modules}, checked: {@code limit} (default {@value #DEFAULT_LIMIT},
 * at most {@value ModuleQuery#MAX_LIMIT}), {@code cursor}, {@code category}, {@code pack}, {@code audience},
 * and {@code system} with {@code code}.
 */
record ModuleListRequest(ModuleQuery query) {

    static final int DEFAULT_LIMIT = 100;
    private static final int MAX_SYSTEM = 128;
    private static final int MAX_CURSOR = 100;

    /** @throws IllegalArgumentException saying which parameter is wrong, for a 400 */
    static ModuleListRequest of(HttpServletRequest req) {
        int limit = limit(req.getParameter("limit"));
        String cursor = req.getParameter("cursor");
        if (cursor != null && (cursor.isEmpty() || cursor.length() > MAX_CURSOR)) {
            throw new Bad("bad-cursor", "cursor must be the 'next' value of the previous page");
        }
        String pack = req.getParameter("pack");
        if (pack != null && !Identifiers.isId(pack)) {
            throw new Bad("bad-pack", "pack must be a pack id such as mpc");
        }
        Category category = named(Category.class, "category", req.getParameter("category"));
        Audience audience = named(Audience.class, "audience", req.getParameter("audience"));
        return new ModuleListRequest(new ModuleQuery(pack, category, audience, code(req), cursor, limit));
    }

    /** A stable key for everything that shapes the answer. */
    String cacheKey() {
        ModuleQuery q = query;
        Code c = q.code();
        return q.pack() + "|" + q.category() + "|" + q.audience() + "|"
                + (c == null ? "" : c.system() + "|" + c.code().toUpperCase(Locale.ROOT)) + "|" + q.after() + "|" + q.limit();
    }

    private static Code code(HttpServletRequest req) {
        String system = req.getParameter("system");
        String code = req.getParameter("code");
        if (system == null && code == null) {
            return null;
        }
        if (system == null || system.isBlank() || system.length() > MAX_SYSTEM) {
            throw new Bad("bad-system", "system must name a code system: an HL7 OID such as 2.16.840.1.113883.6.90 "
                    + "(ICD-10-CM) or a FHIR URI such as http://snomed.info/sct");
        }
        if (!Identifiers.isCode(code)) {
            throw new Bad("bad-code", "code must be 1 to 32 letters, digits, dots or hyphens");
        }
        return new Code(system.trim(), code, null);
    }

    private static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= ModuleQuery.MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new Bad("bad-limit", "limit must be a whole number from 1 to " + ModuleQuery.MAX_LIMIT);
    }

    private static <E extends Enum<E>> E named(Class<E> type, String parameter, String value) {
        if (value == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (WebJson.name(e).equals(value)) {
                return e;
            }
        }
        throw new Bad("bad-" + parameter, parameter + " must be one of " + String.join(", ",
                Arrays.stream(type.getEnumConstants()).map(WebJson::name).toList()));
    }

    /** A parameter that cannot be used, with the stable code of the error. */
    static final class Bad extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;
        final String code;

        Bad(String code, String message) {
            super(message);
            this.code = code;
        }
    }
}
