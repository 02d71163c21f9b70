/**
 * What every surface of the web bundle shares: the one HTTP Whiteboard context {@code careleaf}
 * ({@link org.careleaf.web.internal.http.CareleafContext}), the context-wide filters (headers, readiness),
 * the reader's language ({@link org.careleaf.web.internal.http.ReaderLanguage}), the render cache, the
 * FreeMarker templates, JSON errors and answers with ETags.
 *
 * <p>Injection, one rule for the whole bundle: static references and configuration arrive through the
 * component's constructor (final fields, plain {@code new} in tests); only optional dynamic references
 * (the search service, the health check executor, the catalog where a surface must outlive it) are
 * volatile fields, because Declarative Services can set those only on fields.
 */
package org.careleaf.web.internal.http;
