package org.openenvelope.addin;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The add-in's pages, as the manifest names them: the task pane, the function file, the page the sign-in dialog
 * ends on after the identity provider, and the help page. Each is a static template in {@code WEB-INF/addin/}
 * with only the configured Office.js URL filled in.
 */
@WebServlet(urlPatterns = {"/addin/taskpane.html", "/addin/commands.html", AddinApiResource.SSO_COMPLETE, "/addin/support.html"})
public class AddinPageServlet extends HttpServlet {

    private static final Map<String, String> TEMPLATES = Map.of("/addin/taskpane.html", "taskpane.html",
            "/addin/commands.html", "commands.html", AddinApiResource.SSO_COMPLETE, "sso.html",
            "/addin/support.html", "support.html");

    @Inject
    AddinPages pages;

    private final Map<String, String> rendered = new ConcurrentHashMap<>();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String template = TEMPLATES.get(request.getServletPath());
        String page = rendered.computeIfAbsent(template, this::render);
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(page);
    }

    private String render(String template) {
        try (InputStream in = getServletContext().getResourceAsStream("/WEB-INF/addin/" + template)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("{{officeJsUrl}}", escape(pages.officeJsUrl()));
        } catch (IOException e) {
            throw new IllegalStateException("The add-in page " + template + " cannot be read", e);
        }
    }

    private static String escape(String attribute) {
        return attribute.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
