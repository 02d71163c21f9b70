package org.careleaf.admin;

/** What a site does with its clinicians' approvals (in configuration: {@code off}, {@code show}, {@code require}). */
public enum ApprovalPolicy {
    /** Approvals are not used: content is served as its bundles ship it. */
    OFF,
    /** Readers and hosts are told whether the version they see is approved; everything valid is served. */
    SHOW,
    /** Only approved versions are served; a new version waits, and the last approved one serves meanwhile. */
    REQUIRE
}
