package io.sygnify.server.accounts;

import java.net.InetSocketAddress;
import java.util.concurrent.Callable;

import io.sygnify.server.api.ApiException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Browser sign-in, sign-out and "who am I". */
@RestController
@RequestMapping("/api/auth")
class SignInController {

    record Credentials(String username, String password) {
        @Override
        public String toString() {
            return "Credentials[" + username + ", password hidden]";
        }
    }

    record Me(String id, String username, Role role) {
    }

    private final SignIn signIn;
    private final AccountsProperties properties;

    SignInController(SignIn signIn, AccountsProperties properties) {
        this.signIn = signIn;
        this.properties = properties;
    }

    /** JSON only: a foreign page cannot post JSON here without a CORS pre-flight, which is refused. */
    @PostMapping(path = "/login", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Me>> login(@RequestBody Credentials credentials, ServerHttpRequest request) {
        if (credentials == null || credentials.username() == null || credentials.password() == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid_request", "Send {\"username\", \"password\"}.");
        }
        return blocking(() -> signIn.signIn(credentials.username(), credentials.password(), clientAddress(request)))
                .map(started -> ResponseEntity.ok()
                        .header(HttpHeaders.SET_COOKIE, SessionCookie.issue(started.sessionSecret(),
                                properties.sessionTimeout(), request).toString())
                        .body(new Me(started.user().id(), started.user().username(), started.user().role())));
    }

    @PostMapping("/logout")
    Mono<ResponseEntity<Void>> logout(ServerHttpRequest request) {
        return blocking(() -> {
            SessionCookie.from(request).ifPresent(signIn::signOut);
            return ResponseEntity.noContent()
                    .header(HttpHeaders.SET_COOKIE, SessionCookie.clear(request).toString()).<Void>build();
        });
    }

    @GetMapping("/me")
    Me me(@AuthenticationPrincipal Viewer viewer) {
        return new Me(viewer.userId(), viewer.username(), viewer.role());
    }

    private static String clientAddress(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    private static <T> Mono<T> blocking(Callable<T> call) {
        return Mono.fromCallable(call).subscribeOn(Schedulers.boundedElastic());
    }
}
