package org.careleaf.fhir.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class AnswerCacheTest {

    private static AnswerCache.Answer of(int bytes) {
        return new AnswerCache.Answer(new byte[bytes], null, 0);
    }

    @Test
    void theLeastRecentlyUsedAnswersGoWhenTheBoundIsReached() {
        AnswerCache c = new AnswerCache(1000);
        c.put("a", of(400));
        c.put("b", of(400));
        assertNotNull(c.get("a"), "a is now the most recently used");
        c.put("c", of(400));
        assertNull(c.get("b"));
        assertNotNull(c.get("a"));
        assertNotNull(c.get("c"));
        assertEquals(2, c.size());
    }

    @Test
    void anAnswerLargerThanTheLimitIsNotKept() {
        AnswerCache c = new AnswerCache(AnswerCache.MAX_BYTES);
        c.put("big", of(AnswerCache.MAX_ANSWER + 1));
        assertNull(c.get("big"));
    }
}
