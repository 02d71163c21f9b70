package org.careleaf.web.internal.http;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;

import org.osgi.service.component.annotations.Component;

/**
 * The web bundle's FreeMarker templates ({@code /templates/*.ftlh} in this bundle): HTML with
 * auto-escaping, so every value a template prints is escaped unless it is markup made by
 * {@link InlineMarkup}. Templates may call {@code inline(text)} (content text, {@code **bold**} allowed)
 * and {@code rtl(tag)} (whether a language is written right to left).
 *
 * <p>Locked down as a template engine should be when its data comes from content bundles: no
 * {@code ?api}, no {@code ?new}, errors rethrown (a broken page is a 500, never half a page).
 */
@Component(service = Templates.class)
public final class Templates {

    private static final freemarker.template.Version VERSION = Configuration.VERSION_2_3_34;

    private final Configuration config;

    public Templates() {
        config = new Configuration(VERSION);
        // the bundle's own class loader finds its resources inside OSGi and in unit tests alike
        config.setClassLoaderForTemplateLoading(Templates.class.getClassLoader(), "/templates");
        config.setRecognizeStandardFileExtensions(true);
        config.setDefaultEncoding("UTF-8");
        config.setOutputEncoding("UTF-8");
        config.setURLEscapingCharset("UTF-8");
        config.setLocale(Locale.ROOT);
        config.setNumberFormat("computer");
        config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        config.setLogTemplateExceptions(false);
        config.setWrapUncheckedExceptions(true);
        config.setFallbackOnNullLoopVariable(false);
        config.setAPIBuiltinEnabled(false);
        config.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        // the templates ship inside the bundle and never change while it runs
        config.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
        config.setObjectWrapper(new DefaultObjectWrapperBuilder(VERSION).build());
        config.setSharedVariable("inline", new InlineMarkup());
        config.setSharedVariable("rtl", (TemplateMethodModelEx) Templates::rtl);
    }

    /** The template {@code name} (e.g. {@code viewer/module.ftlh}) filled from {@code model}. */
    public String render(String name, Map<String, ?> model) {
        try {
            Template t = config.getTemplate(name);
            StringWriter out = new StringWriter(8192);
            t.process(model, out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TemplateException e) {
            throw new IllegalStateException("template " + name + " failed: " + e.getMessage(), e);
        }
    }

    private static Object rtl(List<?> args) throws TemplateModelException {
        if (args.size() != 1 || !(args.get(0) instanceof TemplateScalarModel s)) {
            throw new TemplateModelException("rtl(tag) takes one language tag");
        }
        return Languages.isRightToLeft(s.getAsString());
    }
}
