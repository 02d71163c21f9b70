/** The REST API: module lists (paged and filtered), one module, languages, translations, search. */
package org.careleaf.web.internal.api;
