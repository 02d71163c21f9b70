package org.careleaf.web.internal.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.careleaf.admin.AuditEntry;
import org.careleaf.admin.CatalogAdmin;
import org.careleaf.admin.ModuleStatus;
import org.careleaf.model.CatalogView;
import org.careleaf.model.Completeness;
import org.careleaf.model.EducationCatalog;
import org.careleaf.web.internal.http.WebJson;

/**
 * The admin page as template {@code admin/admin.ftlh} shows it: modules with their state and a button to
 * change it, problems, the translation matrix and the audit trail.
 *
 * @param locales the columns of the translation matrix
 */
public record AdminPage(String user, String csrf, String base, String stylesheet, List<Row> modules,
        List<String> problems, List<String> locales, List<MatrixRow> translations, List<AuditEntry> audit) {

    /** One module; {@code action} is what its button does ({@code enable} or {@code disable}). */
    public record Row(String id, String title, String version, String state, String languages, String grade,
            String action) {
    }

    /** One module's completeness per locale, in the order of {@link AdminPage#locales()}; "-" where none. */
    public record MatrixRow(String module, List<String> cells) {
    }

    static AdminPage of(CatalogAdmin admin, EducationCatalog catalog, String user, String csrf, String base,
            String stylesheet) {
        List<Row> rows = new ArrayList<>();
        for (ModuleStatus m : admin.modules()) {
            rows.add(new Row(m.id(), m.title(), m.version(), WebJson.name(m.state()), String.join(" ", m.locales()),
                    m.readability() == null ? "-" : String.format(Locale.ROOT, "%.1f", m.readability()),
                    m.enabled() ? "disable" : "enable"));
        }
        CatalogView view = catalog.view(null);
        List<String> problems = view.problems().stream()
                .map(p -> (p.at() == null ? "" : p.at() + " ") + p.describe()).toList();
        Map<String, Map<String, Completeness>> matrix = new TreeMap<>();
        for (String l : view.locales()) {
            catalog.view(l).completeness().forEach(c -> matrix.computeIfAbsent(c.module(), k -> new TreeMap<>())
                    .put(c.locale(), c));
        }
        List<String> locales = matrix.values().stream().flatMap(m -> m.keySet().stream()).distinct().sorted().toList();
        List<MatrixRow> translations = new ArrayList<>();
        matrix.forEach((module, byLocale) -> translations.add(new MatrixRow(module,
                locales.stream().map(l -> cell(byLocale.get(l))).toList())));
        return new AdminPage(user, csrf, base, stylesheet, rows, problems, locales, translations, admin.audit(50));
    }

    private static String cell(Completeness c) {
        if (c == null) {
            return "-";
        }
        return c.translated() + "/" + c.total() + (c.stale() > 0 ? ", " + c.stale() + " stale" : "")
                + (c.missing() > 0 ? ", " + c.missing() + " missing" : "");
    }
}
