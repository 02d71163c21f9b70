package org.careleaf.model;

import java.util.List;

/**
 * One page of a module list.
 *
 * @param modules the modules on this page, in order
 * @param total how many enabled modules match the query in all
 * @param next the cursor to pass as {@link ModuleQuery#after()} for the next page; null on the last page. It
 *        names a position in the order, so pages stay stable while modules come and go.
 */
public record ModulePage(List<ModuleView> modules, int total, String next) {

    public ModulePage {
        modules = List.copyOf(modules);
    }
}
