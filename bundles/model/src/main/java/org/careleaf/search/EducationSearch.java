package org.careleaf.search;

import org.osgi.annotation.versioning.ProviderType;

/** Finds the sections of enabled modules that answer a reader's question, in the reader's language. */
@ProviderType
public interface EducationSearch {

    /**
     * @throws IllegalArgumentException when the query is unusable (the message says why, for a 400)
     */
    SearchResult search(SearchQuery query);
}
