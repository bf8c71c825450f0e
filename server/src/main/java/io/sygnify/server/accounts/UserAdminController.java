package io.sygnify.server.accounts;

import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** User administration; the security configuration lets only ADMIN reach {@code /api/admin/**}. */
@RestController
@RequestMapping("/api/admin/users")
class UserAdminController {

    record NewUser(String username, String password, String role) {
        @Override
        public String toString() {
            return "NewUser[" + username + ", " + role + ", password hidden]";
        }
    }

    private final UserAdmin users;

    UserAdminController(UserAdmin users) {
        this.users = users;
    }

    @GetMapping
    Mono<List<UserAdmin.UserView>> list() {
        return blocking(users::all);
    }

    @PostMapping
    Mono<ResponseEntity<UserAdmin.UserView>> create(@RequestBody NewUser user) {
        return blocking(() -> ResponseEntity.status(HttpStatus.CREATED)
                .body(users.create(user.username(), user.password(), user.role())));
    }

    @PatchMapping("/{id}")
    Mono<UserAdmin.UserView> change(@PathVariable String id, @RequestBody UserAdmin.Change change,
                                    @AuthenticationPrincipal Viewer admin) {
        return blocking(() -> users.change(id, change, admin));
    }

    private static <T> Mono<T> blocking(Callable<T> call) {
        return Mono.fromCallable(call).subscribeOn(Schedulers.boundedElastic());
    }
}
