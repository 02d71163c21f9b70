package org.careleaf.admin;

import java.util.List;

/**
 * One module as an administrator sees it.
 *
 * @param version the version served (or that would be served, when disabled)
 * @param bundle the bundle that provides the version served
 * @param locales the languages it is fully or partly translated into
 * @param readability the source language's readability score, or null
 * @param problems problems that name this module
 */
public record ModuleStatus(String id, String version, String title, boolean enabled, ModuleState state, String bundle,
        List<String> locales, Double readability, List<String> problems) {

    public ModuleStatus {
        locales = List.copyOf(locales);
        problems = List.copyOf(problems);
    }
}
