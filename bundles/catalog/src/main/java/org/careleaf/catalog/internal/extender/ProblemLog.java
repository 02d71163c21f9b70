package org.careleaf.catalog.internal.extender;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.careleaf.model.Problem;

/** The current problems, per bundle symbolic name: replaced whenever that bundle is read again. */
final class ProblemLog {

    private final Map<String, List<Problem>> byBundle = new ConcurrentHashMap<>();

    void set(String bundleName, List<Problem> problems) {
        if (problems.isEmpty()) {
            byBundle.remove(bundleName);
        } else {
            byBundle.put(bundleName, List.copyOf(problems));
        }
    }

    void clear(String bundleName) {
        byBundle.remove(bundleName);
    }

    List<Problem> all() {
        List<Problem> all = new ArrayList<>();
        byBundle.values().forEach(all::addAll);
        all.sort(Comparator.comparing(Problem::at).reversed().thenComparing(Problem::describe));
        return all;
    }
}
