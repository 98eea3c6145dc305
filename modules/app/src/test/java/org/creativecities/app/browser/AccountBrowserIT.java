package org.creativecities.app.browser;

import jakarta.json.JsonObject;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Accounts in a real Chromium: signing up, in and out (with the messages for wrong credentials, a paused account
 * and an email that was already registered), joining a city by approval with a coordinator deciding in another
 * browser, editing a profile, and finding it in the expertise directory, in English and French.
 */
@BrowserLane
@ExtendWith(BrowserServer.class)
class AccountBrowserIT {

    /** A city no other browser test uses, so that its join policy and members are this test's own. */
    private static final String CITY = "viljandi";

    private static void render(Browser b, String page) {
        System.out.println("[first render] " + page + ": " + b.firstRenderMillis() + " ms");
    }

    private static String unique() {
        return Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    }

    @Test
    void signUpExplainsThePasswordRuleThenSignsInAndOutAndARepeatedEmailIsExplained(PackagedServer server) {
        String email = "newcomer." + unique() + "@example.org";
        try (Browser b = Browser.open(server)) {
            b.go("/signup");
            b.find("[data-testid=signup-form]");
            render(b, "/signup");
            // The rule is shown before anything is submitted, and checked in the browser.
            b.findWithText("[data-testid=password-rule]", "At least 12 characters");
            assertEquals(List.of(), b.axe(), "axe on /signup");
            b.type("#signup-name", "Nora Newcomer").type("#signup-email", email).type("#signup-password", "too short");
            b.click("[data-testid=signup-submit]");
            b.findWithText("#signup-password-error", "at least 12 characters");
            assertEquals("true", b.find("#signup-password").getAttribute("aria-invalid"));
            assertEquals("signup-password", b.js("return document.activeElement.id"));

            b.type("#signup-password", TestUser.PASSWORD);
            b.click("[data-testid=signup-submit]");
            // Registered and signed in at once: the profile page, and the header shows the account.
            b.findWithText("[data-testid=account-link]", "Nora Newcomer");
            b.until("the profile page", d -> b.path().equals("/me"));
            b.findWithText("main h1", "Nora Newcomer");

            b.click("[data-testid=sign-out]");
            b.find("[data-testid=sign-in-link]");

            // Registering the same email again answers like any registration; the page checks by signing in.
            b.go("/signup");
            b.type("#signup-name", "Someone Else").type("#signup-email", email)
                    .type("#signup-password", "another long password");
            b.click("[data-testid=signup-submit]");
            b.findWithText("[data-testid=signup-received]", "probably already has an account");

            // Wrong password: a clear message, still signed out.
            b.go("/signin?next=/people");
            b.find("[data-testid=signin-form]");
            render(b, "/signin");
            assertEquals(List.of(), b.axe(), "axe on /signin");
            b.screenshot("signin");
            b.type("#signin-email", email).type("#signin-password", "not the password at all");
            b.click("[data-testid=signin-submit]");
            b.findWithText("[data-testid=signin-error]", "The email or password is not right");
            assertTrue(b.all("[data-testid=account-link]").isEmpty());

            // Right password: back to the page the person came from.
            b.type("#signin-password", TestUser.PASSWORD);
            b.click("[data-testid=signin-submit]");
            b.findWithText("[data-testid=account-link]", "Nora Newcomer");
            b.until("back on /people", d -> b.path().equals("/people"));

            // A `next` that leaves the site is ignored.
            b.click("[data-testid=sign-out]");
            b.find("[data-testid=sign-in-link]");
            b.go("/signin?next=//evil.example/steal");
            b.type("#signin-email", email).type("#signin-password", TestUser.PASSWORD);
            b.click("[data-testid=signin-submit]");
            b.findWithText("[data-testid=account-link]", "Nora Newcomer");
            b.until("on the home page", d -> b.path().equals("/"));
        }
    }

    @Test
    void aLockedAccountIsExplainedWithTheWaitingTime(PackagedServer server, Api api) {
        TestUser victim = TestUser.register(api, "Locked Out");
        for (int i = 0; i < 10; i++) {
            TestUser.send(api, victim.ip(), "POST", "/api/sessions",
                    Api.json("email", victim.email(), "password", "wrong password " + i)).expect(401);
        }
        try (Browser b = Browser.open(server)) {
            b.go("/signin");
            b.type("#signin-email", victim.email()).type("#signin-password", TestUser.PASSWORD);
            b.click("[data-testid=signin-submit]");
            WebElement error = b.findWithText("[data-testid=signin-error]", "Signing in is paused");
            // The browser signs in from an address new to the account, which is slowed down (ccc.auth.slowdown, 30 s)
            // while the account is under attack; the attacker's own address is locked out for longer.
            assertTrue(error.getText().matches("(?s).*Try again in \\d+ (second|minute)s?.*"),
                    error.getText());
            assertFalse(b.find("[data-testid=signin-submit]").isEnabled(), "submit waits for the lock-out");
        }
    }

    @Test
    void aCoordinatorApprovesAJoinRequestInTheirBrowserAndTheRequesterSeesIt(PackagedServer server, Api api) {
        TestUser admin = TestUser.admin(server);
        admin.patch("/api/cities/" + CITY, Api.json("joinPolicy", "APPROVAL")).expect(200);
        TestUser coordinator = TestUser.register(api, "Kadri Coordinator");
        coordinator.post("/api/cities/" + CITY + "/members", null).expect(202);
        admin.post("/api/cities/" + CITY + "/requests/" + coordinator.id() + "/approve", null).expect(200);
        admin.put("/api/cities/" + CITY + "/members/" + coordinator.id() + "/role", Api.json("role", "COORDINATOR"))
                .expect(200);
        TestUser requester = TestUser.register(api, "Rein Requester");

        try (Browser asker = Browser.open(server); Browser coord = Browser.open(server)) {
            // A visitor is invited to sign in, and comes back to the city after signing in.
            asker.go("/cities/" + CITY);
            asker.click("[data-testid=membership-signin]");
            asker.until("on the sign-in page", d -> asker.path().startsWith("/signin?next="));
            asker.type("#signin-email", requester.email()).type("#signin-password", TestUser.PASSWORD);
            asker.click("[data-testid=signin-submit]");
            asker.until("back on the city", d -> asker.path().equals("/cities/" + CITY));

            asker.findWithText("[data-testid=membership-state]", "after a coordinator approves");
            asker.click("[data-testid=membership-state] [data-testid=join]");
            asker.findWithText("[data-testid=membership-state]", "waiting for a coordinator");

            // The coordinator sees the request and approves it.
            coord.useToken(coordinator.token()).go("/cities/" + CITY);
            WebElement request = coord.findWithText("[data-testid=join-request]", "Rein Requester");
            render(coord, "/cities/" + CITY + " (coordinator)");
            assertEquals(List.of(), coord.axe(), "axe on the city page for a coordinator");
            coord.screenshot("city-membership");
            request.findElement(By.cssSelector("[data-testid=approve]")).click();
            coord.findWithText("[data-testid=manage-members]", "Rein Requester");
            coord.until("the request is gone", d -> coord.all("[data-testid=join-request]").stream()
                    .noneMatch(e -> e.getText().contains("Rein Requester")));

            // The requester's page follows without a reload.
            asker.findWithText("[data-testid=member-state]", "You are a member of");
            asker.go("/me");
            WebElement membership = asker.find("[data-testid=membership][data-city=" + CITY + "]");
            assertTrue(membership.getText().contains("Member"), membership.getText());
            assertEquals("ACTIVE", requester.get("/api/me").expect(200).object().getJsonArray("memberships")
                    .getJsonObject(0).getString("status"));

            // Leaving from the profile asks first, then the city is gone from the list.
            asker.click("[data-testid=membership][data-city=" + CITY + "] [data-testid=leave]");
            asker.click("[data-testid=membership][data-city=" + CITY + "] [data-testid=confirm-leave]");
            asker.findWithText(".toast", "You left Viljandi");
            asker.waitGone("[data-testid=membership][data-city=" + CITY + "]");
        }
        assertEquals(0, requester.get("/api/me").expect(200).object().getJsonArray("memberships").size());
    }

    @Test
    void profileEditsPersistAndTheDirectoryFindsThePersonBySkillAndLanguage(PackagedServer server, Api api) {
        TestUser person = TestUser.register(api, "Pia Profile");
        String skill = "field recording " + unique();
        try (Browser b = Browser.open(server)) {
            b.useToken(person.token()).go("/me");
            b.find("[data-testid=profile-form]");
            render(b, "/me");
            b.type("#profile-name", "Pia Sound");
            b.type("#profile-bio", "Sound artist working with river recordings.");
            b.click("input[name=fields][value=music]");
            b.find("#profile-home option[value=sifnos]");
            new Select(b.find("#profile-home")).selectByValue("sifnos");
            // An invalid tag is refused in place, with the rule.
            b.type("#profile-tag", "!nope");
            b.click("[data-testid=add-tag]");
            b.findWithText("#profile-tag-error", "not a valid tag");
            b.type("#profile-tag", skill);
            b.find("#profile-tag").sendKeys("\n");
            b.findWithText("[data-testid=expertise-chip]", skill);
            new Select(b.find("#profile-language")).selectByValue("et");
            b.click("[data-testid=add-language]");
            new Select(b.find("#profile-language")).selectByValue("fr");
            b.click("[data-testid=add-language]");
            b.findWithText("[data-testid=language-chip]", "Estonian");
            b.click("[data-testid=profile-save]");
            b.findWithText(".toast", "Your profile is saved");
            b.findWithText("[data-testid=account-link]", "Pia Sound");

            b.driver().navigate().refresh();
            b.findWithText("main h1", "Pia Sound");
            assertEquals("Sound artist working with river recordings.",
                    b.find("#profile-bio").getDomProperty("value"));
            assertTrue((Boolean) b.js("return document.querySelector('input[name=fields][value=music]').checked"));
            b.findWithText("[data-testid=expertise-chip]", skill);
            b.findWithText("[data-testid=language-chip]", "French");
            b.until("the home city is kept",
                    d -> "sifnos".equals(b.js("return document.querySelector('#profile-home').value")));
            assertEquals(List.of(), b.axe(), "axe on /me");
            b.screenshot("profile");

            // The directory: skill and language in the form, the address keeps them.
            b.go("/people");
            b.find("[data-testid=people-count]");
            render(b, "/people");
            b.type("#people-tag", skill.toUpperCase());
            new Select(b.find("#people-language")).selectByValue("et");
            b.click("[data-testid=people-search]");
            b.until("the filters in the address", d -> b.path().contains("language=et")
                    && b.path().contains("tag="));
            WebElement card = b.findWithText("[data-testid=person-card]", "Pia Sound");
            assertEquals(1, b.all("[data-testid=person-card]").size());
            assertTrue(card.getText().contains(skill), card.getText());
            assertEquals(List.of(), b.axe(), "axe on /people");
            b.screenshot("people");

            // Another language finds no one with that skill.
            new Select(b.find("#people-language")).selectByValue("ja");
            b.click("[data-testid=people-search]");
            b.findWithText("[data-testid=people-results]", "No one matches");

            // The person page.
            b.go("/people/" + person.id());
            b.findWithText("[data-testid=person] h1", "Pia Sound");
            render(b, "/people/" + person.id());
            b.findWithText("[data-testid=person-expertise]", skill);
            b.findWithText("[data-testid=person-languages]", "Estonian");
            b.findWithText("[data-testid=person] header", "Based in Sifnos");
            assertEquals(List.of(), b.axe(), "axe on /people/:id");
        }
        // On a phone the profile fits the screen: no sideways scrolling.
        try (Browser phone = Browser.phone(server)) {
            phone.useToken(person.token()).go("/me");
            phone.findWithText("main h1", "Pia Sound");
            phone.find("[data-testid=expertise-chip]");
            assertEquals(Boolean.TRUE, phone.js("return document.documentElement.scrollWidth <= window.innerWidth"));
            phone.screenshot("profile-phone");
            phone.go("/people?tag=" + java.net.URLEncoder.encode(skill, java.nio.charset.StandardCharsets.UTF_8));
            phone.findWithText("[data-testid=person-card]", "Pia Sound");
            assertEquals(Boolean.TRUE, phone.js("return document.documentElement.scrollWidth <= window.innerWidth"));
        }
        JsonObject profile = api.get("/api/people/" + person.id()).expect(200).object();
        assertEquals(List.of("et", "fr"), profile.getJsonArray("languages").getValuesAs(
                jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).sorted().toList());
    }

    @Test
    void theAccountPagesSpeakFrench(PackagedServer server, Api api) {
        TestUser person = TestUser.register(api, "Frédérique");
        try (Browser b = Browser.open(server, "fr-FR")) {
            b.go("/signin");
            b.findWithText("main h1", "Connexion");
            b.findWithText("label[for=signin-password]", "Mot de passe");
            b.type("#signin-email", person.email()).type("#signin-password", "mauvais mot de passe");
            b.click("[data-testid=signin-submit]");
            b.findWithText("[data-testid=signin-error]", "L’adresse e-mail ou le mot de passe est incorrect");
            assertEquals(List.of(), b.axe(), "axe on /signin in French");

            b.type("#signin-password", TestUser.PASSWORD);
            b.click("[data-testid=signin-submit]");
            b.findWithText("[data-testid=account-link]", "Frédérique");
            b.go("/me");
            b.findWithText("#profile-form-title", "Profil");
            b.findWithText("[data-testid=profile-save]", "Enregistrer");
            b.findWithText("[data-testid=memberships] h2", "Vos villes");
            b.findWithText("label[for=profile-language]", "Langues");
            assertTrue(new Select(b.find("#profile-language")).getOptions().stream()
                    .anyMatch(o -> o.getText().equals("Estonien")), "language names in French");
            assertEquals(List.of(), b.axe(), "axe on /me in French");
            b.screenshot("profile-fr");
        }
    }
}
