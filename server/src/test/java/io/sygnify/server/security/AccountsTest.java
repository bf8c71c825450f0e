package io.sygnify.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.sygnify.server.accounts.Secrets;
import io.sygnify.server.support.Csv;
import io.sygnify.server.support.TempDataDir;
import io.sygnify.server.support.TestAccounts;
import io.sygnify.server.support.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Sign-in, sessions, CSRF, brute-force throttling, API tokens, user administration and what never gets logged. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
@Timeout(120)
class AccountsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Path DATA = TempDataDir.create("accounts");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("sygnify.data-dir", DATA::toString);
    }

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.context.ApplicationContext context;
    TestHttp admin;

    @BeforeEach
    void client() {
        admin = new TestHttp(port);
    }

    @Test
    void signInSetsAHardenedSessionCookieAndSignOutEndsIt() {
        TestAccounts.User user = TestAccounts.create(admin, "ANALYST");
        TestHttp browser = admin.anonymous();
        TestHttp.Response signedIn = browser.signIn(user.username(), user.password());
        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(signedIn.json().path("role").asString()).isEqualTo("ANALYST");
        String cookie = signedIn.header("Set-Cookie");
        assertThat(cookie).startsWith("SYGNIFY_SESSION=").contains("HttpOnly").contains("SameSite=Lax")
                .contains("Path=/").doesNotContain("Secure");
        String session = browser.cookie("SYGNIFY_SESSION");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sessions WHERE digest = ?").param(Secrets.digest(session))
                .query(Long.class).single()).as("only the digest is stored").isEqualTo(1);
        assertThat(browser.get("/api/auth/me").json().path("username").asString()).isEqualTo(user.username());

        assertThat(browser.post("/api/auth/logout").status()).isEqualTo(204);

        assertThat(browser.get("/api/auth/me").status()).isEqualTo(401);
        TestHttp replay = admin.anonymous();
        assertThat(replay.raw("GET", "/api/auth/me", Map.of("Cookie", "SYGNIFY_SESSION=" + session)).status())
                .as("the old cookie is dead").isEqualTo(401);
    }

    @Test
    void sessionCookieIsSecureBehindATlsProxy() {
        TestAccounts.User user = TestAccounts.create(admin, "ANALYST");
        TestHttp.Response response = admin.anonymous().raw("POST", "/api/auth/login", Map.of());
        assertThat(response.status()).as("sign-in takes only JSON").isEqualTo(415);
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(admin.baseUrl() + "/api/auth/login"))
                .header("Content-Type", "application/json").header("X-Forwarded-Proto", "https")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user.username()
                        + "\",\"password\":\"" + user.password() + "\"}")).build();
        try {
            var answer = TestHttp.http11().send(request,
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            assertThat(answer.headers().firstValue("Set-Cookie").orElse("")).contains("Secure");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void unknownUserAndWrongPasswordGetTheSameAnswer() {
        TestAccounts.User user = TestAccounts.create(admin, "ANALYST");
        TestHttp.Response wrong = admin.anonymous().signIn(user.username(), "not-the-password");
        TestHttp.Response unknown = admin.anonymous().signIn("nobody-" + System.nanoTime(), "whatever-it-is");
        assertThat(wrong.status()).isEqualTo(401).isEqualTo(unknown.status());
        assertThat(wrong.json().path("code").asString()).isEqualTo("invalid_credentials");
        assertThat(wrong.json().path("detail")).isEqualTo(unknown.json().path("detail"));
    }

    @Test
    void bruteForceSignInIsThrottledWithGrowingLockOuts() throws Exception {
        TestAccounts.User user = TestAccounts.create(admin, "ANALYST");
        TestHttp attacker = admin.anonymous();
        for (int i = 0; i < 5; i++) {
            assertThat(attacker.signIn(user.username(), "guess-" + i).status()).isEqualTo(401);
        }
        TestHttp.Response locked = attacker.signIn(user.username(), user.password());
        assertThat(locked.status()).as("even the right password waits out the lock-out").isEqualTo(429);
        assertThat(locked.json().path("code").asString()).isEqualTo("too_many_attempts");
        long retryAfter = Long.parseLong(locked.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 2L);

        Thread.sleep(retryAfter * 1000 + 100);
        assertThat(attacker.signIn(user.username(), "guess-again").status()).isEqualTo(401);
        TestHttp.Response longer = attacker.signIn(user.username(), user.password());
        assertThat(longer.status()).isEqualTo(429);
        assertThat(Long.parseLong(longer.header("Retry-After"))).as("the lock-out doubled").isGreaterThan(retryAfter);
    }

    @Test
    void cookieAuthenticatedUploadNeedsTheCsrfToken() {
        TestAccounts.User user = TestAccounts.create(admin, "ANALYST");
        TestHttp browser = admin.anonymous();
        browser.signIn(user.username(), user.password());
        browser.get("/api/auth/me");
        assertThat(browser.cookie("XSRF-TOKEN")).as("the app can read the CSRF cookie").isNotBlank();

        TestHttp.Response forged = browser.withoutCsrfHeader().upload("forged.csv", Csv.sales(5));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.json().path("code").asString()).isEqualTo("csrf_token_invalid");
        assertThat(browser.get("/api/jobs").json().path("total").asLong()).as("nothing was created").isZero();

        TestHttp.Response genuine = browser.upload("genuine.csv", Csv.sales(5));
        assertThat(genuine.status()).isEqualTo(202);
    }

    @Test
    void apiTokensAreShownOnceStoredAsDigestsAndRevocable() {
        TestAccounts.User user = TestAccounts.create(admin, "ANALYST");
        TestHttp owner = admin.as(user.token());
        TestHttp.Response created = owner.postJson("/api/tokens", "{\"name\":\"ci\",\"expires_in_days\":30}");
        assertThat(created.status()).isEqualTo(201);
        String token = created.json().path("token").asString();
        assertThat(token).startsWith("syg_").hasSizeGreaterThan(40);
        assertThat(created.json().path("expires_at").asString()).isNotBlank();

        JsonNode listed = owner.get("/api/tokens").json();
        assertThat(listed.toString()).doesNotContain(token).contains("\"ci\"");
        assertThat(jdbc.sql("SELECT digest FROM api_tokens WHERE id = ?").param(created.json().path("id").asString())
                .query(String.class).single()).isEqualTo(Secrets.digest(token)).isNotEqualTo(token);

        assertThat(admin.as(token).get("/api/jobs").status()).isEqualTo(200);
        assertThat(admin.delete("/api/tokens/" + created.json().path("id").asString()).status())
                .as("someone else's token looks missing").isEqualTo(404);
        assertThat(owner.delete("/api/tokens/" + created.json().path("id").asString()).status()).isEqualTo(204);
        assertThat(admin.as(token).get("/api/jobs").status()).isEqualTo(401);

        assertThat(owner.postJson("/api/tokens", "{\"name\":\"\"}").status()).isEqualTo(400);
        assertThat(owner.postJson("/api/tokens", "{\"name\":\"x\",\"expires_in_days\":0}").status()).isEqualTo(400);
    }

    @Test
    void administratorsManageUsersAndNobodyElseMay() {
        TestAccounts.User analyst = TestAccounts.create(admin, "ANALYST");
        assertThat(admin.as(analyst.token()).postJson("/api/admin/users",
                "{\"username\":\"sneaky\",\"password\":\"0123456789ab\",\"role\":\"ADMIN\"}").status()).isEqualTo(403);

        String name = "erin-" + System.nanoTime() % 100000;
        TestHttp.Response created = admin.postJson("/api/admin/users",
                "{\"username\":\"" + name + "\",\"password\":\"a-long-password\",\"role\":\"VIEWER\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("password");
        String id = created.json().path("id").asString();
        assertThat(admin.postJson("/api/admin/users", "{\"username\":\"" + name.toUpperCase()
                + "\",\"password\":\"a-long-password\",\"role\":\"VIEWER\"}").json().path("code").asString())
                .isEqualTo("username_taken");
        assertThat(admin.postJson("/api/admin/users", "{\"username\":\"short-pw\",\"password\":\"123\","
                + "\"role\":\"VIEWER\"}").json().path("code").asString()).isEqualTo("weak_password");
        assertThat(admin.postJson("/api/admin/users", "{\"username\":\"../etc\",\"password\":\"a-long-password\","
                + "\"role\":\"VIEWER\"}").json().path("code").asString()).isEqualTo("invalid_username");

        JsonNode promoted = admin.patchJson("/api/admin/users/" + id, "{\"role\":\"ANALYST\"}").json();
        assertThat(promoted.path("role").asString()).isEqualTo("ANALYST");
        TestHttp erin = admin.anonymous();
        assertThat(erin.signIn(name, "a-long-password").json().path("role").asString()).isEqualTo("ANALYST");

        String adminId = admin.get("/api/auth/me").json().path("id").asString();
        assertThat(admin.patchJson("/api/admin/users/" + adminId, "{\"enabled\":false}").json().path("code")
                .asString()).isEqualTo("self_change");
    }

    @Test
    void bootsDefaultUserWithAGeneratedPasswordDoesNotExist() {
        assertThat(context.getBeanProvider(org.springframework.security.core.userdetails.ReactiveUserDetailsService.class)
                .getIfAvailable()).as("it printed its password at every start and opened nothing").isNull();
    }

    @Test
    void passwordsTokensAndFileContentsNeverReachTheLog(CapturedOutput output) {
        TestAccounts.User user = TestAccounts.create(admin, "ANALYST");
        admin.anonymous().signIn(user.username(), "wrong-password-do-not-log");
        String marker = "CELL-" + System.nanoTime();
        TestHttp owner = admin.as(user.token());
        String jobId = owner.createJob("secret.csv", "a,b\n" + marker + ",1\nx,2\n\"unterminated," + marker + "\n");
        owner.awaitTerminal(jobId, WAIT);
        owner.upload("bad.csv", "\u0000\u0001" + marker);

        assertThat(output.getAll()).doesNotContain(user.password()).doesNotContain("wrong-password-do-not-log")
                .doesNotContain(user.token()).doesNotContain(TestAccounts.ADMIN_TOKEN)
                .doesNotContain(TestAccounts.ADMIN_PASSWORD).doesNotContain(marker);
    }

    @Test
    void theH2ConsoleIsNeverServed() {
        for (String path : new String[] {"/h2-console", "/h2-console/login.jsp", "/h2"}) {
            TestHttp.Response response = admin.get(path);
            assertThat(response.body()).as(path).doesNotContainIgnoringCase("H2 Console")
                    .doesNotContain("login.do");
        }
    }
}
