package org.careleaf.catalog.internal;

/**
 * One thing wrong in a document: the JSON path (or "line L column C") and what is wrong there.
 *
 * @param file the file at fault when it is not the document itself (a figure the document names), or null
 */
public record Finding(String file, String path, String message) {

    public Finding(String path, String message) {
        this(null, path, message);
    }

    @Override
    public String toString() {
        return (file == null ? "" : file + " ") + path + ": " + message;
    }
}
