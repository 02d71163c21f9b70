package org.careleaf.web.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CareleafContextTest {

    @Test
    void aConfiguredPathIsUsedWhenItIsOne() {
        assertEquals("/careleaf", CareleafContext.path("/careleaf"));
        assertEquals("/his/education", CareleafContext.path(" /his/education/ "));
        assertEquals("/", CareleafContext.path("/"));
    }

    @Test
    void anythingElseFallsBackToTheDefault() {
        for (String bad : new String[] {null, "", "careleaf", "/a b", "/../etc", "/a/./b", "/a//b", "/x?y", "/" + "a".repeat(65)}) {
            assertEquals(CareleafContext.DEFAULT_PATH, CareleafContext.path(bad), String.valueOf(bad));
        }
    }
}
