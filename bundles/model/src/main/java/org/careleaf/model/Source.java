package org.careleaf.model;

/** A public source the module was written from. {@code accessed} is an ISO date. */
public record Source(String title, String publisher, String url, String accessed) {
}
