package org.careleaf.model;

import java.util.List;

/**
 * What {@link CatalogView#modulesFor} found.
 *
 * @param modules the matching enabled modules, in order
 * @param unknownSystems codes sent in a code system Careleaf does not index
 * @param ignoredSubtopics subtopics no enabled module answers, which therefore did not narrow the answer
 */
public record CodeMatch(List<ModuleView> modules, List<Code> unknownSystems, List<Code> ignoredSubtopics) {

    public CodeMatch {
        modules = List.copyOf(modules);
        unknownSystems = List.copyOf(unknownSystems);
        ignoredSubtopics = List.copyOf(ignoredSubtopics);
    }
}
