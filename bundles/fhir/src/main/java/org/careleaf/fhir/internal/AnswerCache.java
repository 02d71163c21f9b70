package org.careleaf.fhir.internal;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Answers already written, by catalog revision and request, so the same search or read at the same
 * revision is written once: EHRs ask the same few questions (a code, a language) again and again, and
 * localising and writing a page of modules costs milliseconds. Keys are client-chosen, so the cache is
 * bounded by size (least recently used entries go first); a new revision simply stops matching old keys.
 */
final class AnswerCache {

    /** A written answer and the headers that belong to it. */
    record Answer(byte[] body, String etag, long lastModified) {
    }

    static final long MAX_BYTES = 32L * 1024 * 1024;
    /** Larger answers are not kept: one of them would push out many small ones. */
    static final int MAX_ANSWER = 2 * 1024 * 1024;

    private final long maxBytes;
    private long bytes;
    private final LinkedHashMap<String, Answer> answers = new LinkedHashMap<>(64, 0.75f, true);

    AnswerCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    synchronized Answer get(String key) {
        return answers.get(key);
    }

    synchronized void put(String key, Answer a) {
        if (a.body().length > MAX_ANSWER) {
            return;
        }
        Answer old = answers.put(key, a);
        bytes += a.body().length + key.length() - (old == null ? 0 : old.body().length + key.length());
        Iterator<Map.Entry<String, Answer>> it = answers.entrySet().iterator();
        while (bytes > maxBytes && it.hasNext()) {
            Map.Entry<String, Answer> e = it.next();
            bytes -= e.getValue().body().length + e.getKey().length();
            it.remove();
        }
    }

    synchronized int size() {
        return answers.size();
    }
}
