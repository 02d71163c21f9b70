package org.careleaf.model;

/**
 * Something the catalog refused or could not serve as shipped.
 *
 * @param bundle symbolic name and version of the bundle at fault, e.g.
 *        {@code org.careleaf.content.mpc.overview/1.0.0}
 * @param file path of the file inside the bundle, or null
 * @param path JSON path of the field at fault (e.g. {@code $.sections[2].blocks[0].text}), or null
 * @param message what is wrong, in plain words
 * @param moduleId the module concerned, when known
 * @param at ISO-8601 instant when it was found
 */
public record Problem(String bundle, String file, String path, String message, String moduleId, String at) {

    /** One line: bundle, file, path and message. */
    public String describe() {
        StringBuilder sb = new StringBuilder(bundle == null ? "" : bundle);
        if (file != null) {
            sb.append(' ').append(file);
        }
        if (path != null) {
            sb.append(' ').append(path);
        }
        return sb.append(": ").append(message).toString();
    }
}
