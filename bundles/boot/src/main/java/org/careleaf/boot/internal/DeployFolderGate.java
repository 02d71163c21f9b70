package org.careleaf.boot.internal;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.logging.Logger;

import org.apache.karaf.features.BootFinished;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Starts Karaf's watcher of the deploy folder only once Karaf has installed its boot features. Started
 * together, the two race: a bundle the watcher installs while the features service is resolving the boot
 * features makes that resolution fail ("the origin update count has changed"), and the node comes up
 * without its platform. So the Careleaf assembly ships no deploy watcher configuration; this component,
 * which DS activates only once {@link BootFinished} is registered, creates it. Config Admin keeps it, so
 * on later starts (when the boot features are installed already and are not resolved again) the watcher
 * starts at once as usual. Active only where its configuration exists, i.e. in the Careleaf assembly.
 */
@Component(immediate = true, configurationPid = DeployFolderGate.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = DeployFolderGate.Config.class)
public class DeployFolderGate {

    static final String PID = "org.careleaf.boot";
    static final String FILEINSTALL = "org.apache.felix.fileinstall";
    private static final Logger LOG = Logger.getLogger(DeployFolderGate.class.getName());

    @ObjectClassDefinition(name = "Careleaf boot order", description = "The deploy folder Karaf watches once its boot "
            + "features are installed.")
    public @interface Config {
        @AttributeDefinition(description = "The folder Karaf installs bundles from")
        String deployFolder();

        @AttributeDefinition(description = "Where Karaf's deployer keeps bundles it makes from other files")
        String tmpFolder();

        @AttributeDefinition(description = "How often the folder is looked at, in milliseconds")
        long pollMillis() default 1000;

        @AttributeDefinition(description = "Start level of bundles installed from the folder")
        int startLevel() default 80;
    }

    @Reference
    private BootFinished bootFinished;

    @Reference
    private ConfigurationAdmin configAdmin;

    @Activate
    void activate(Config config) throws IOException, InvalidSyntaxException {
        String folder = config.deployFolder();
        Configuration[] existing = configAdmin.listConfigurations("(&(service.factoryPid=" + FILEINSTALL + ")"
                + "(felix.fileinstall.dir=" + escape(folder) + "))");
        if (existing != null && existing.length > 0) {
            return; // created at an earlier start, or by the administrator
        }
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("felix.fileinstall.dir", folder);
        props.put("felix.fileinstall.tmpdir", config.tmpFolder());
        props.put("felix.fileinstall.poll", String.valueOf(config.pollMillis()));
        props.put("felix.fileinstall.start.level", String.valueOf(config.startLevel()));
        props.put("felix.fileinstall.active.level", String.valueOf(config.startLevel()));
        props.put("felix.fileinstall.log.level", "3");
        configAdmin.getFactoryConfiguration(FILEINSTALL, "careleaf-deploy", "?").update(props);
        LOG.info(() -> "Careleaf: boot features are installed; Karaf now installs bundles from " + folder);
    }

    /** An LDAP filter value: the characters the filter syntax gives a meaning are escaped. */
    static String escape(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            if (c == '\\' || c == '*' || c == '(' || c == ')') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
