package org.careleaf.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "careleaf", name = "disable", description = "Hides a module from every surface (audited).")
public class DisableCommand extends EnablementCommand {

    @Override
    boolean enable() {
        return false;
    }
}
