package org.careleaf.admin;

import java.util.List;

/**
 * One module as an administrator sees it.
 *
 * @param state {@code enabled}, {@code disabled}, {@code refused} (an update was refused and the last
 *        good version is served) or {@code stale} (some translation is out of date)
 * @param locales the languages it is fully or partly translated into
 * @param readability the English readability score, or null
 * @param problems problems that name this module
 */
public record ModuleStatus(String id, String version, String title, boolean enabled, String state, String bundle,
        List<String> locales, Double readability, List<String> problems) {
}
