package org.careleaf.admin;

import java.util.List;

/**
 * What a check of a bundle or document found.
 *
 * @param documents the files checked
 * @param errors one line per problem: file, JSON path and what is wrong; empty when it may be installed
 */
public record ValidationReport(List<String> documents, List<String> errors) {

    public boolean ok() {
        return errors.isEmpty() && !documents.isEmpty();
    }
}
