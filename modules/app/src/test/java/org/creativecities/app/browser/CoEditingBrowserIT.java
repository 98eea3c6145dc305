package org.creativecities.app.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.TestUser;
import org.creativecities.app.works.WorksEditing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.interactions.Actions;

/**
 * Co-editing in two real browsers (CodeMirror 6 with @codemirror/collab against the server's authority): both see
 * who is here and each other's cursor with a name, type at random places for 30 s and end with the same text as the
 * server, every character typed in it; and a browser that goes offline keeps its changes, shows the offline banner, and
 * sends them when it is back.
 */
@BrowserLane
@ExtendWith(BrowserServer.class)
class CoEditingBrowserIT {

    private static final String CONTENT = "[data-testid=editor] .cm-content";
    private static final Pattern TOKEN = Pattern.compile("<[AB]\\d+>");
    private static final Duration EDITING = Duration.ofSeconds(30);

    private static Browser openEditor(PackagedServer server, TestUser user, long work) {
        Browser b = Browser.open(server);
        b.useToken(user.token());
        b.go("/works/" + work + "/edit");
        b.find(CONTENT);
        return b;
    }

    private static String text(Browser b) {
        return (String) b.js("return document.querySelector('ccc-work-editor-page')._view.state.doc.toString();");
    }

    /** Puts the caret at {@code pos} and types {@code text} as keystrokes into the focused editor. */
    private static void typeAt(Browser b, int pos, String text) {
        b.js("const v = document.querySelector('ccc-work-editor-page')._view; v.focus();"
                + "v.dispatch({selection: {anchor: Math.min(arguments[0], v.state.doc.length)}});", pos);
        new Actions(b.driver()).sendKeys(text).perform();
    }

    private static void saved(Browser b) {
        b.until("the editor says saved", d -> "true".equals(b.find("[data-testid=doc-status]")
                .getAttribute("data-saved")));
    }

    private static String sorted(String s) {
        return s.chars().sorted().collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }

    @Test
    void twoPeopleEditTogetherAndConverge(PackagedServer server) {
        Api api = server.api();
        TestUser ana = WorksEditing.member(server, api, "Ana Browser", "lyon");
        TestUser ben = WorksEditing.member(server, api, "Ben Browser", "bristol");
        long work = WorksEditing.create(ana, "title", "Written in two browsers", "content", "Start>");
        ana.post("/api/works/" + work + "/authors", Api.json("accountId", ben.id())).expect(200);
        try (Browser a = openEditor(server, ana, work); Browser b = openEditor(server, ben, work)) {
            a.findWithText("[data-testid=doc-people] li", "Ben Browser");
            b.findWithText("[data-testid=doc-people] li", "Ana Browser");
            typeAt(a, 0, "<A0>");
            b.until("Ana's cursor, with her name, in Ben's editor", d -> String.valueOf(b.js(
                    "return [...document.querySelectorAll('.cm-remote-name')].map(e => e.textContent).join('|');"))
                    .contains("Ana Browser"));
            b.until("Ana's first token reaches Ben", d -> text(b).contains("<A0>"));

            Random r = new Random(20261204);
            List<String> typed = new ArrayList<>(List.of("<A0>"));
            long until = System.nanoTime() + EDITING.toNanos();
            int n = 1;
            while (System.nanoTime() < until) {
                boolean isA = r.nextBoolean();
                Browser who = isA ? a : b;
                String token = "<" + (isA ? "A" : "B") + n++ + ">";
                String now = text(who);
                List<Integer> places = new ArrayList<>(List.of(0));
                for (int i = 0; i < now.length(); i++) {
                    if (now.charAt(i) == '>') {
                        places.add(i + 1);
                    }
                }
                String keys = r.nextInt(5) == 0 ? token + "\n" : token;
                typeAt(who, places.get(r.nextInt(places.size())), keys);
                typed.add(keys);
            }
            saved(a);
            saved(b);
            String serverText = WorksEditing.serverText(ana, work);
            a.until("Ana's editor has the server's text", d -> text(a).equals(serverText));
            b.until("Ben's editor has the server's text", d -> text(b).equals(serverText));
            // Every keystroke is an update of its own, so concurrent tokens may interleave; but every character typed
            // is there, and nothing else.
            StringBuilder all = new StringBuilder("Start>");
            typed.forEach(all::append);
            assertEquals(sorted(all.toString()), sorted(serverText), serverText);
            Matcher m = TOKEN.matcher(serverText);
            assertTrue(m.find(), serverText);
            b.js("document.querySelector('[data-testid=save-version]').scrollIntoView({block: 'center'});");
            b.click("[data-testid=save-version]");
            b.find("[data-testid=version-saved]");
            assertEquals(serverText, ana.get("/api/works/" + work).expect(200).object().getString("content"),
                    "the version saved is the server's live text");
            assertTrue(a.axe().isEmpty(), () -> "accessibility: " + a.axe());
        }
    }

    @Test
    void offlineChangesAreKeptAndSentWhenTheConnectionIsBack(PackagedServer server) {
        Api api = server.api();
        TestUser ana = WorksEditing.member(server, api, "Ana Offline", "lyon");
        TestUser ben = WorksEditing.member(server, api, "Ben Offline", "bristol");
        long work = WorksEditing.create(ana, "title", "Offline", "content", "Line");
        ana.post("/api/works/" + work + "/authors", Api.json("accountId", ben.id())).expect(200);
        try (Browser a = openEditor(server, ana, work); Browser b = openEditor(server, ben, work)) {
            // The network goes: the page cannot open a WebSocket until it comes back.
            a.js("window.__realWebSocket = window.WebSocket;"
                    + "window.WebSocket = function () { throw new Error('offline'); };"
                    + "document.querySelector('ccc-work-editor-page')._socket.ws.close();");
            a.find("[data-testid=offline-banner]");
            typeAt(a, 4, " written offline");
            assertEquals("false", a.find("[data-testid=doc-status]").getAttribute("data-saved"));
            typeAt(b, 0, "Ben: ");
            b.until("Ben's own change is saved", d -> "true".equals(b.find("[data-testid=doc-status]")
                    .getAttribute("data-saved")));

            a.js("window.WebSocket = window.__realWebSocket;");
            a.waitGone("[data-testid=offline-banner]");
            saved(a);
            String serverText = WorksEditing.serverText(ana, work);
            assertEquals("Ben: Line written offline", serverText);
            a.until("Ana's editor has the server's text", d -> text(a).equals(serverText));
            b.until("Ben's editor has the server's text", d -> text(b).equals(serverText));
        }
    }
}
