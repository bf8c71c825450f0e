package io.sygnify.server.accounts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code sygnify.security.*}.
 *
 * @param sessionTimeout        how long a browser session lasts after sign-in
 * @param signInFreeAttempts    failed sign-ins allowed per user name or client address before lock-outs start
 * @param signInMaxLockout      the longest lock-out; each further failure doubles it up to this
 * @param uploadsPerMinute      uploads each user may start per minute (sustained)
 * @param uploadBurst           uploads a user may start at once
 * @param corsAllowedOrigins    origins allowed to call the REST API from scripts in their pages; empty = none
 */
@ConfigurationProperties("sygnify.security")
public record AccountsProperties(Duration sessionTimeout, int signInFreeAttempts, Duration signInMaxLockout,
                                 double uploadsPerMinute, int uploadBurst, java.util.List<String> corsAllowedOrigins) {

    public AccountsProperties {
        require(sessionTimeout != null && sessionTimeout.toMinutes() >= 1,
                "sygnify.security.session-timeout must be at least 1m");
        require(signInFreeAttempts >= 1, "sygnify.security.sign-in-free-attempts must be at least 1");
        require(signInMaxLockout != null && signInMaxLockout.toSeconds() >= 1,
                "sygnify.security.sign-in-max-lockout must be at least 1s");
        require(uploadsPerMinute > 0, "sygnify.security.uploads-per-minute must be positive");
        require(uploadBurst >= 1, "sygnify.security.upload-burst must be at least 1");
        corsAllowedOrigins = corsAllowedOrigins == null ? java.util.List.of() : java.util.List.copyOf(corsAllowedOrigins);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
