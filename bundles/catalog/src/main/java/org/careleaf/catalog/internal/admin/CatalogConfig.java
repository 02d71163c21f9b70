package org.careleaf.catalog.internal.admin;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** What administrators choose, in {@code etc/org.careleaf.catalog.cfg}. */
@ObjectClassDefinition(name = "Careleaf catalog", description = "Which modules and languages patients see.")
public @interface CatalogConfig {

    @AttributeDefinition(name = "Disabled modules", description = "Ids of modules hidden from every surface, "
            + "comma-separated (e.g. mpc-outlook).")
    String[] disabledModules() default {};

    @AttributeDefinition(name = "Default language", description = "Served when a reader asks for no language "
            + "Careleaf has (a BCP 47 tag such as en).")
    String defaultLocale() default "en";

    @AttributeDefinition(name = "Enabled languages", description = "Translations offered, comma-separated; empty "
            + "offers every installed language. The source language is always offered.")
    String[] enabledLocales() default {};
}
