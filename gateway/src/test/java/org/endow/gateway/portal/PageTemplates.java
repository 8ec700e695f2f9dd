package org.endow.gateway.portal;

import java.util.HashMap;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** The portal's templates rendered as PortalPages renders them, for tests of what a person reads on a page. */
public final class PageTemplates {

    private static final TemplateEngine ENGINE = engine();

    private PageTemplates() {}

    private static TemplateEngine engine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("views/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        // links as the portal writes them (no servlet context path)
        engine.setLinkBuilder(new StandardLinkBuilder() {
            @Override
            protected String computeContextPath(
                    IExpressionContext context, String base, Map<String, Object> parameters) {
                return "";
            }
        });
        return engine;
    }

    /** The page's HTML, with the model every page gets from PortalPages (nobody signed in). */
    public static String render(String view, Map<String, Object> model) {
        Map<String, Object> all = new HashMap<>(model);
        all.put("title", "Test");
        all.put("csrf", "csrf-token");
        all.put("user", null);
        all.put("show", Shown.INSTANCE);
        all.put("secondFactorRequired", false);
        Context context = new Context();
        context.setVariables(all);
        return ENGINE.process(view, context);
    }

    /** What a person reads: the tags dropped, spaces collapsed. */
    public static String text(String html) {
        return html.replaceAll("<[^>]+>", "").replaceAll("\\s+", " ");
    }
}
