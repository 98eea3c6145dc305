package org.creativecities.app.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 12, Medium 7 "Anyone can lock anyone out": wrong passwords lock out their source (the address, and the
 * account and address pair), never the account itself for the person who owns it; and the answers do not tell
 * whether an account exists. This is also the attack suite's lockout flood.
 */
@ExtendWith(SharedServer.class)
class OpsSignInLockoutIT {

    private static Api.Response signIn(Api api, String ip, String email, String password) {
        return TestUser.send(api, ip, "POST", "/api/sessions", Api.json("email", email, "password", password));
    }

    /** An administrator of their own, so that the shared first administrator is never the target. */
    private static TestUser victimAdmin(PackagedServer server, Api api) {
        TestUser admin = TestUser.admin(server);
        TestUser victim = TestUser.register(api, "Lockout Victim");
        admin.put("/api/admin/accounts/" + victim.id() + "/admin", Api.json("admin", true)).expect(200);
        return victim;
    }

    @Test
    void oneAttackerAddressIsRefusedAndTheAdministratorStillSignsInAtOnce(PackagedServer server, Api api) {
        TestUser victim = victimAdmin(server, api);
        String attacker = TestUser.freshIp();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            statuses.add(signIn(api, attacker, victim.email(), "wrong password " + i).status());
        }
        assertTrue(statuses.stream().allMatch(s -> s == 401 || s == 429), statuses.toString());
        assertEquals(429, statuses.get(19), "the attacker's address is refused: " + statuses);
        assertEquals(429, signIn(api, attacker, victim.email(), TestUser.PASSWORD).status(),
                "the attacker's address stays refused, even with the right password");

        signIn(api, victim.ip(), victim.email(), TestUser.PASSWORD).expect(201);
        signIn(api, TestUser.freshIp(), victim.email(), TestUser.PASSWORD).expect(201);
    }

    @Test
    void attackersFromManyAddressesDoNotLockTheAdministratorOut(PackagedServer server, Api api) {
        TestUser victim = victimAdmin(server, api);
        for (int i = 0; i < 20; i++) {
            String attacker = TestUser.freshIp();
            for (int j = 0; j < 2; j++) {
                signIn(api, attacker, victim.email(), "wrong password " + i + "/" + j).expect(401, 429);
            }
        }
        signIn(api, victim.ip(), victim.email(), TestUser.PASSWORD).expect(201);
    }

    @Test
    void anUnknownAccountAndAKnownOneAnswerTheSameSequence(Api api) {
        TestUser known = TestUser.register(api, "Lockout Known");
        String unknown = "nobody." + System.nanoTime() + "@example.org";
        List<Integer> forKnown = new ArrayList<>();
        List<Integer> forUnknown = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            forKnown.add(signIn(api, TestUser.freshIp(), known.email(), "wrong password " + i).status());
            forUnknown.add(signIn(api, TestUser.freshIp(), unknown, "wrong password " + i).status());
        }
        assertEquals(forKnown, forUnknown, "429 and 401 must not tell whether the account exists");
        for (int i = 0; i < 8; i++) {
            String ip = TestUser.freshIp();
            List<Integer> sameAddressKnown = new ArrayList<>();
            List<Integer> sameAddressUnknown = new ArrayList<>();
            sameAddressKnown.add(signIn(api, ip, known.email(), "again " + i).status());
            sameAddressUnknown.add(signIn(api, ip, unknown, "again " + i).status());
            assertEquals(sameAddressKnown, sameAddressUnknown);
        }
    }
}
