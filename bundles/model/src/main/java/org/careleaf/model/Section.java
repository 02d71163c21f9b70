package org.careleaf.model;

import java.util.List;

/** A titled part of a module; its id is stable so translations and links can point at it. */
public record Section(String id, String title, List<Block> blocks) {

    public Section {
        blocks = List.copyOf(blocks);
    }
}
