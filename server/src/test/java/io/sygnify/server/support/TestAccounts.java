package io.sygnify.server.support;

import java.util.UUID;

/** The seeded administrator of every test server, and fresh users for tests that need several people. */
public final class TestAccounts {

    /** From src/test/resources/config/application.yml. */
    public static final String ADMIN_PASSWORD = "test-admin-password";
    public static final String ADMIN_TOKEN = "syg_test-admin-token-0123456789abcdef";

    public record User(String username, String password, String token) {
    }

    private TestAccounts() {
    }

    /** Creates a user with {@code role} through the admin API, signs in as them and creates their API token. */
    public static User create(TestHttp admin, String role) {
        String username = role.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "pw-" + UUID.randomUUID();
        TestHttp.Response created = admin.postJson("/api/admin/users",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\",\"role\":\"" + role + "\"}");
        if (created.status() != 201) {
            throw new AssertionError("Could not create user: " + created);
        }
        TestHttp session = admin.anonymous();
        TestHttp.Response signedIn = session.signIn(username, password);
        if (signedIn.status() != 200) {
            throw new AssertionError("Could not sign in: " + signedIn);
        }
        TestHttp.Response token = session.postJson("/api/tokens", "{\"name\":\"test\"}");
        if (token.status() != 201) {
            throw new AssertionError("Could not create token: " + token);
        }
        return new User(username, password, token.json().path("token").asString());
    }
}
