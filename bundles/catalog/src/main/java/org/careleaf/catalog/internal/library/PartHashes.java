package org.careleaf.catalog.internal.library;

import java.util.HashMap;
import java.util.Map;

import org.careleaf.catalog.internal.SourceHash;
import org.careleaf.model.Block;
import org.careleaf.model.ModuleDocument;
import org.careleaf.model.ModuleView;
import org.careleaf.model.Section;

/**
 * The source hash of every translatable part of one module version, computed once when the version
 * arrives, so that checking a translation against it is a look-up per part in every language.
 */
record PartHashes(Map<String, String> byId, int total) implements Localizer.PartHashesView {

    static PartHashes of(ModuleDocument m) {
        Map<String, String> h = new HashMap<>();
        h.put(ModuleView.TITLE_ID, SourceHash.of(m.title()));
        h.put(ModuleView.SUMMARY_ID, SourceHash.of(m.summary()));
        for (Section s : m.parts()) {
            h.put(s.id(), SourceHash.of(s.title()));
            for (Block b : s.blocks()) {
                h.put(b.id(), SourceHash.of(b));
            }
        }
        return new PartHashes(Map.copyOf(h), h.size());
    }

    @Override
    public String of(String id) {
        return byId.get(id);
    }
}
