package org.careleaf.web.internal.http;

import javax.servlet.http.HttpServletRequest;

import org.careleaf.model.Identifiers;

/**
 * The reader's language preference for one request, derived in this one place for every surface by the
 * model's rule ({@link Identifiers#languagePreference}): an explicit language when given (the {@code lang}
 * parameter, or Infobutton's {@code informationRecipient.languageCode.c}), else {@code Accept-Language}.
 *
 * @param preference what to pass to {@code EducationCatalog.view}: the explicit tag, else the header
 *        (empty for the default language). When the explicit tag is malformed, the header alone, so an
 *        error can still be written in a language the reader reads.
 * @param malformed the explicit tag when it is not a language tag (the request is then a 400); else null
 */
public record ReaderLanguage(String preference, String malformed) {

    /** From the {@code lang} parameter and {@code Accept-Language}. */
    public static ReaderLanguage of(HttpServletRequest req) {
        return of(req.getParameter("lang"), req);
    }

    /** From an explicit language (may be null) and {@code Accept-Language}. */
    public static ReaderLanguage of(String explicit, HttpServletRequest req) {
        String header = req.getHeader("Accept-Language");
        if (explicit != null && !explicit.isBlank() && !Identifiers.isLanguageTag(explicit.trim())) {
            return new ReaderLanguage(Identifiers.languagePreference(null, header), explicit);
        }
        return new ReaderLanguage(Identifiers.languagePreference(explicit, header), null);
    }

    public boolean valid() {
        return malformed == null;
    }

    /** The reason of the 400 a malformed explicit tag gets. */
    public static final String BAD_LANGUAGE = "lang must be a language tag such as en, es or pt-BR";
}
