package org.careleaf.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "careleaf", name = "enable", description = "Shows a module on every surface again (audited).")
public class EnableCommand extends EnablementCommand {

    @Override
    boolean enable() {
        return true;
    }
}
