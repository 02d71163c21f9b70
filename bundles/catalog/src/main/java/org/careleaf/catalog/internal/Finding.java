package org.careleaf.catalog.internal;

/** One thing wrong in a document: the JSON path (or "line L column C") and what is wrong there. */
public record Finding(String path, String message) {

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
