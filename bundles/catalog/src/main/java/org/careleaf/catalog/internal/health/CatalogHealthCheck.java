package org.careleaf.catalog.internal.health;

import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.apache.felix.hc.api.ResultLog;
import org.careleaf.model.CatalogView;
import org.careleaf.model.EducationCatalog;
import org.careleaf.model.Problem;
import org.careleaf.model.Readiness;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The catalog's state as a Felix Health Check tagged {@code careleaf}, so a hospital system that already
 * gathers health checks sees Careleaf beside everything else: {@code TEMPORARILY_UNAVAILABLE} with the
 * reason until the start-up content is in, {@code CRITICAL} when no module is served, {@code WARN} with
 * each problem (something refused; the last good version serves), else {@code OK}.
 */
@Component(service = HealthCheck.class, property = {
    HealthCheck.NAME + "=Careleaf catalog",
    HealthCheck.TAGS + "=careleaf",
    HealthCheck.MBEAN_NAME + "=careleafCatalog"
})
public class CatalogHealthCheck implements HealthCheck {

    private final EducationCatalog catalog;

    @Activate
    public CatalogHealthCheck(@Reference EducationCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Result execute() {
        CatalogView view = catalog.view(null);
        ResultLog log = new ResultLog();
        Readiness r = view.readiness();
        if (!r.ready()) {
            log.add(new ResultLog.Entry(Result.Status.TEMPORARILY_UNAVAILABLE, r.reason()));
            return new Result(log);
        }
        if (view.size() == 0) {
            log.add(new ResultLog.Entry(Result.Status.CRITICAL, "no module is installed and enabled"));
        } else {
            log.add(new ResultLog.Entry(Result.Status.OK, view.size() + " modules served in " + view.locales().size()
                    + " languages, revision " + view.revision()));
        }
        for (Problem p : view.problems()) {
            log.add(new ResultLog.Entry(Result.Status.WARN, p.describe()));
        }
        return new Result(log);
    }
}
