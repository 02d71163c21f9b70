package org.careleaf.web.internal.admin;

import org.careleaf.web.internal.http.WebConfig;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;

/**
 * Turns the web admin on and off with {@code admin.enabled} in {@code etc/org.careleaf.web.cfg} (on by
 * default). Off, neither its login filter nor its servlet is registered, so {@code {context}/admin/…} is a
 * plain 404 and only the shell administers Careleaf. The admin stays in this bundle because it shares the
 * context, the templates and the headers; a switch is all a hospital needs to leave it out.
 */
@Component(immediate = true, configurationPid = WebConfig.PID)
public class AdminSwitch {

    static final String LOGIN = "org.careleaf.web.admin.login";
    static final String SERVLET = "org.careleaf.web.admin";

    private final ComponentContext context;

    @Activate
    public AdminSwitch(ComponentContext context, WebConfig config) {
        this.context = context;
        apply(config);
    }

    @Modified
    void apply(WebConfig config) {
        // the guard first on the way up, last on the way down (the servlet also refuses requests it did not see)
        for (String component : config.admin_enabled() ? new String[] {LOGIN, SERVLET} : new String[] {SERVLET, LOGIN}) {
            if (config.admin_enabled()) {
                context.enableComponent(component);
            } else {
                context.disableComponent(component);
            }
        }
    }

    @Deactivate
    void deactivate() {
        context.disableComponent(SERVLET);
        context.disableComponent(LOGIN);
    }
}
