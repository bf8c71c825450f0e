package io.sygnify.server.accounts;

import java.util.List;
import java.util.Optional;

import io.sygnify.server.api.ApiException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Checks a user name and password and starts a session. Blocking. */
@Component
public class SignIn {

    public record Started(UserAccount user, String sessionSecret) {
    }

    private final UserRepository users;
    private final Sessions sessions;
    private final PasswordEncoder passwords;
    private final SignInThrottle throttle;
    private final ApplicationEventPublisher events;
    /** Compared against when the user does not exist, so that both failures take the same time. */
    private final String decoyHash;

    SignIn(UserRepository users, Sessions sessions, PasswordEncoder passwords, SignInThrottle throttle,
           ApplicationEventPublisher events) {
        this.users = users;
        this.sessions = sessions;
        this.passwords = passwords;
        this.throttle = throttle;
        this.events = events;
        this.decoyHash = passwords.encode(Secrets.generate(""));
    }

    public Started signIn(String username, String password, String clientAddress) {
        List<String> keys = List.of(SignInThrottle.userKey(username), SignInThrottle.addressKey(clientAddress));
        throttle.checkAllowed(keys);
        Optional<UserAccount> user = users.findByName(username);
        String candidate = password == null ? "" : password;
        boolean matches = passwords.matches(candidate, user.map(UserAccount::passwordHash).orElse(decoyHash));
        if (user.isEmpty() || !matches || !user.get().enabled()) {
            throttle.failed(keys);
            throw new ApiException(HttpStatus.UNAUTHORIZED, "invalid_credentials", "Wrong user name or password.");
        }
        throttle.succeeded(keys);
        return new Started(user.get(), sessions.start(user.get().id()));
    }

    public void signOut(String sessionSecret) {
        sessions.end(sessionSecret).ifPresent(id -> events.publishEvent(new AccessRevoked.Credential(id)));
    }
}
