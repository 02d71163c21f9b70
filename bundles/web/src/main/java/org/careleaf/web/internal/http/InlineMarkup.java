package org.careleaf.web.internal.http;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateHTMLOutputModel;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;

/**
 * {@code inline(text)} in templates: content text as HTML. The text is escaped first by FreeMarker's own
 * HTML escaping, then {@code **bold**}, the one markup content may carry, becomes {@code <strong>}; so
 * the only tags in the result are those made here. This is the one place Careleaf writes unescaped HTML.
 */
public final class InlineMarkup implements TemplateMethodModelEx {

    private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");

    @Override
    public Object exec(@SuppressWarnings("rawtypes") List args) throws TemplateModelException {
        if (args.size() != 1) {
            throw new TemplateModelException("inline(text) takes one text");
        }
        Object a = args.get(0);
        String text = a instanceof TemplateScalarModel s ? s.getAsString() : null;
        return html(text);
    }

    /** The text as HTML markup, for templates (and tests). */
    public static TemplateHTMLOutputModel html(String text) throws TemplateModelException {
        HTMLOutputFormat html = HTMLOutputFormat.INSTANCE;
        String escaped = text == null ? "" : html.escapePlainText(text);
        Matcher m = BOLD.matcher(escaped);
        return html.fromMarkup(m.replaceAll(r -> "<strong>" + Matcher.quoteReplacement(r.group(1)) + "</strong>"));
    }
}
