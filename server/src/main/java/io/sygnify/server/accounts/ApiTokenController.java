package io.sygnify.server.accounts;

import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Each user's own API tokens. */
@RestController
@RequestMapping("/api/tokens")
class ApiTokenController {

    record NewToken(String name, Integer expiresInDays) {
    }

    private final ApiTokens tokens;

    ApiTokenController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping
    Mono<List<ApiTokens.TokenView>> list(@AuthenticationPrincipal Viewer viewer) {
        return blocking(() -> tokens.of(viewer.userId()));
    }

    @PostMapping
    Mono<ResponseEntity<ApiTokens.CreatedToken>> create(@RequestBody NewToken request,
                                                        @AuthenticationPrincipal Viewer viewer) {
        return blocking(() -> ResponseEntity.status(HttpStatus.CREATED)
                .body(tokens.create(viewer.userId(), request.name(), request.expiresInDays())));
    }

    @DeleteMapping("/{id}")
    Mono<ResponseEntity<Void>> revoke(@PathVariable String id, @AuthenticationPrincipal Viewer viewer) {
        return blocking(() -> {
            tokens.revoke(viewer.userId(), id);
            return ResponseEntity.noContent().build();
        });
    }

    private static <T> Mono<T> blocking(Callable<T> call) {
        return Mono.fromCallable(call).subscribeOn(Schedulers.boundedElastic());
    }
}
