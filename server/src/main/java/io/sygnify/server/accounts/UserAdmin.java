package io.sygnify.server.accounts;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.sygnify.server.api.ApiException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Creates users and changes their role, password or whether they may sign in. Blocking. */
@Service
public class UserAdmin {

    public record UserView(String id, String username, Role role, boolean enabled, OffsetDateTime createdAt) {
        static UserView of(UserAccount user) {
            return new UserView(user.id(), user.username(), user.role(), user.enabled(), user.createdAt());
        }
    }

    /** What an administrator asked to change; null fields stay as they are. */
    public record Change(String role, Boolean enabled, String password) {
        @Override
        public String toString() {
            return "Change[" + role + ", " + enabled + ", password " + (password == null ? "unchanged" : "hidden")
                    + "]";
        }
    }

    private static final String NAME_RULE = "[a-z0-9._-]{3,40}";
    static final int MIN_PASSWORD_LENGTH = 10;

    private final UserRepository users;
    private final Sessions sessions;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    UserAdmin(UserRepository users, Sessions sessions, PasswordEncoder passwords, ApplicationEventPublisher events,
              Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.passwords = passwords;
        this.events = events;
        this.clock = clock;
    }

    public List<UserView> all() {
        return users.all().stream().map(UserView::of).toList();
    }

    public UserView create(String username, String password, String role) {
        String name = UserRepository.normalise(username);
        if (!name.matches(NAME_RULE)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid_username",
                    "A user name has 3 to 40 characters out of a-z, 0-9, '.', '_' and '-'.");
        }
        Role parsed = parseRole(role);
        checkPassword(password);
        if (users.findByName(name).isPresent()) {
            throw new ApiException(HttpStatus.CONFLICT, "username_taken", "There is already a user '" + name + "'.");
        }
        UserAccount user = new UserAccount(UUID.randomUUID().toString(), name, passwords.encode(password), parsed,
                true, OffsetDateTime.now(clock));
        users.insert(user);
        return UserView.of(user);
    }

    public UserView change(String userId, Change change, Viewer admin) {
        UserAccount user = users.find(userId).orElseThrow(() -> ApiException.notFound("user", userId));
        Role role = change.role() == null ? user.role() : parseRole(change.role());
        boolean enabled = change.enabled() == null ? user.enabled() : change.enabled();
        if (user.id().equals(admin.userId()) && (!enabled || role != Role.ADMIN)) {
            throw new ApiException(HttpStatus.CONFLICT, "self_change",
                    "You cannot disable yourself or take away your own administrator role; ask another administrator.");
        }
        String hash = user.passwordHash();
        if (change.password() != null) {
            checkPassword(change.password());
            hash = passwords.encode(change.password());
        }
        users.update(new UserAccount(user.id(), user.username(), hash, role, enabled, user.createdAt()));
        if (!enabled && user.enabled()) {
            sessions.endAllOf(user.id());
            events.publishEvent(new AccessRevoked.User(user.id(), true));
        } else if (role != user.role()) {
            events.publishEvent(new AccessRevoked.User(user.id(), false));
        }
        return UserView.of(users.find(userId).orElseThrow());
    }

    private static Role parseRole(String role) {
        return Role.parse(role).orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST, "invalid_role",
                "Unknown role '" + role + "'; use ADMIN, ANALYST or VIEWER."));
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH || password.length() > 200) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "weak_password",
                    "A password needs at least " + MIN_PASSWORD_LENGTH + " characters (at most 200).");
        }
    }
}
