package org.careleaf.admin;

/** How a module stands, as an administrator sees it (in JSON: {@code enabled}, {@code disabled} …). */
public enum ModuleState {
    /** Served as shipped. */
    ENABLED,
    /** Hidden from every surface by an administrator. */
    DISABLED,
    /** Its latest update was refused; the last good version is served. */
    REFUSED,
    /** Served, but some translation of it is out of date. */
    STALE,
    /** A newer version waits for the site's clinical approval; the last approved one is served. */
    HELD,
    /** The site requires approval and no version of it is approved: not served. */
    UNAPPROVED
}
