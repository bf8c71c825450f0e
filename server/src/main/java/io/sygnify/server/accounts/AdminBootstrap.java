package io.sygnify.server.accounts;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * First start: creates {@code admin} when there is no user at all, with {@code SYGNIFY_ADMIN_PASSWORD} or a
 * random password printed once to the log, and hands it the jobs uploaded before accounts existed. Every
 * start: when {@code SYGNIFY_ADMIN_TOKEN} is set, makes sure an admin API token with that value exists.
 * Runs before the server takes requests.
 */
@Component
class AdminBootstrap implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    static final String ADMIN = "admin";
    /** Jobs stored before accounts existed carry this owner. */
    private static final String PRE_ACCOUNTS_OWNER = "local";

    private final UserRepository users;
    private final ApiTokens tokens;
    private final PasswordEncoder passwords;
    private final AdminSeed seed;
    private final JdbcClient jdbc;
    private final Clock clock;

    AdminBootstrap(UserRepository users, ApiTokens tokens, PasswordEncoder passwords, AdminSeed seed,
                   JdbcClient jdbc, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.passwords = passwords;
        this.seed = seed;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (users.count() == 0) {
            try {
                createFirstAdmin();
            } catch (org.springframework.dao.DuplicateKeyException otherInstanceWasFaster) {
                log.info("User '{}' was created by another instance starting at the same time", ADMIN);
            }
        }
        if (seed.token() != null && !seed.token().isBlank()) {
            UserAccount admin = users.findByName(ADMIN).filter(u -> u.role() == Role.ADMIN).orElseThrow(() ->
                    new IllegalStateException("SYGNIFY_ADMIN_TOKEN is set but there is no enabled user 'admin' "
                            + "with role ADMIN to give it to"));
            tokens.ensure(admin.id(), "SYGNIFY_ADMIN_TOKEN", seed.token().strip());
            log.info("API token from SYGNIFY_ADMIN_TOKEN is active for user '{}'", ADMIN);
        }
    }

    private void createFirstAdmin() {
        boolean generated = seed.password() == null || seed.password().isBlank();
        String password = generated ? Secrets.generate("").substring(0, 20) : seed.password();
        if (!generated && password.length() < UserAdmin.MIN_PASSWORD_LENGTH) {
            throw new IllegalStateException("SYGNIFY_ADMIN_PASSWORD must have at least "
                    + UserAdmin.MIN_PASSWORD_LENGTH + " characters");
        }
        UserAccount admin = new UserAccount(UUID.randomUUID().toString(), ADMIN, passwords.encode(password),
                Role.ADMIN, true, OffsetDateTime.now(clock));
        users.insert(admin);
        int adopted = jdbc.sql("UPDATE jobs SET owner = ? WHERE owner = ?").params(admin.id(), PRE_ACCOUNTS_OWNER)
                .update();
        if (generated) {
            // The one place a password is logged, by design: the operator needs it to sign in the first time.
            log.warn("Created user '{}' with password {} — sign in and change it; it is not shown again.", ADMIN,
                    password);
        } else {
            log.info("Created user '{}' with the password from SYGNIFY_ADMIN_PASSWORD", ADMIN);
        }
        if (adopted > 0) {
            log.info("{} job(s) from before accounts existed now belong to '{}'", adopted, ADMIN);
        }
    }
}
