package org.creativecities.notifications.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.identity.RateLimiter;
import org.creativecities.notifications.mail.Emails;

/**
 * One-click unsubscribe from notification mail ({@code /mail/unsubscribe.html?token=…}, the address in each mail's
 * {@code List-Unsubscribe} header). GET shows a page that asks to confirm (so that a link checker fetching it
 * changes nothing); POST, from that page's button or from the mail client (RFC 8058:
 * {@code List-Unsubscribe=One-Click}), turns off all of the person's notification email. Anyone may call it, so
 * each client address gets {@value #PER_MINUTE} calls a minute.
 */
@WebServlet(urlPatterns = UnsubscribeServlet.PATH)
public class UnsubscribeServlet extends HttpServlet {

    static final String PATH = "/mail/unsubscribe.html";

    private static final long serialVersionUID = 1L;
    private static final int PER_MINUTE = 30;
    private static final RateLimiter LIMITER = new RateLimiter(PER_MINUTE, Duration.ofMinutes(1));

    @Inject
    private transient Emails emails;

    @Inject
    private transient Caller caller;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (limited(response)) {
            return;
        }
        String token = request.getParameter("token");
        if (emails.tokenOwner(token).isEmpty()) {
            page(response, 404, "Link not valid", "<p>This unsubscribe link is not valid. You can change which "
                    + "emails you receive in your notification preferences.</p>");
            return;
        }
        page(response, 200, "Unsubscribe", "<p>Stop all notification emails to this address? In-app notifications "
                + "stay.</p><form method=\"post\" action=\"" + PATH + "?token=" + token + "\">"
                + "<button type=\"submit\">Unsubscribe</button></form>");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (limited(response)) {
            return;
        }
        if (emails.unsubscribe(request.getParameter("token"))) {
            page(response, 200, "Unsubscribed", "<p>You will receive no more notification emails. You can turn them "
                    + "on again in your notification preferences.</p>");
        } else {
            page(response, 404, "Link not valid", "<p>This unsubscribe link is not valid.</p>");
        }
    }

    private boolean limited(HttpServletResponse response) throws IOException {
        if (LIMITER.tryAcquire(caller.clientAddress()).isPresent()) {
            response.setHeader("Retry-After", "60");
            page(response, 429, "Too many requests", "<p>Too many requests from your address; try again in a "
                    + "minute.</p>");
            return true;
        }
        return false;
    }

    private static void page(HttpServletResponse response, int status, String title, String content)
            throws IOException {
        byte[] body = ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title
                + " · Creative Cities Commons</title><meta name=\"robots\" content=\"noindex\"></head><body><main><h1>"
                + title + "</h1>" + content + "</main></body></html>").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
