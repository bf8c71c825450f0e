package io.sygnify.server.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.sygnify.server.api.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: after {@code signInFreeAttempts} failures for one user name (ten times as many for
 * one client address, which a whole office may share), each further failure locks that key out for twice as
 * long as the last (1 s, 2 s, 4 s … up to the maximum).
 * Per instance and in memory: a restart forgets, which costs an attacker a restart per few guesses.
 */
@Component
class SignInThrottle {

    private static final int MAX_TRACKED = 100_000;

    private record Failures(int count, Instant lockedUntil) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final AccountsProperties properties;
    private final Clock clock;

    SignInThrottle(AccountsProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** Refuses with 429 while any of the keys is locked out. */
    void checkAllowed(List<String> keys) {
        Instant now = clock.instant();
        long wait = 0;
        for (String key : keys) {
            Failures f = failures.get(key);
            if (f != null && f.lockedUntil() != null && now.isBefore(f.lockedUntil())) {
                wait = Math.max(wait, Duration.between(now, f.lockedUntil()).toMillis());
            }
        }
        if (wait > 0) {
            long seconds = Math.max(1, (wait + 999) / 1000);
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "too_many_attempts",
                    "Too many failed sign-in attempts; try again in " + seconds + " s.", seconds);
        }
    }

    static String userKey(String username) {
        return "user:" + UserRepository.normalise(username);
    }

    static String addressKey(String address) {
        return "address:" + address;
    }

    void failed(List<String> keys) {
        if (failures.size() > MAX_TRACKED) {
            Instant now = clock.instant();
            failures.values().removeIf(f -> f.lockedUntil() == null || f.lockedUntil().isBefore(now));
        }
        for (String key : keys) {
            failures.compute(key, (k, f) -> {
                int count = f == null ? 1 : f.count() + 1;
                int free = k.startsWith("address:") ? 10 * properties.signInFreeAttempts()
                        : properties.signInFreeAttempts();
                int over = count - free;
                if (over < 0) {
                    return new Failures(count, null);
                }
                long seconds = Math.min(properties.signInMaxLockout().toSeconds(), 1L << Math.min(over, 30));
                return new Failures(count, clock.instant().plusSeconds(seconds));
            });
        }
    }

    void succeeded(List<String> keys) {
        keys.forEach(failures::remove);
    }
}
