package io.sygnify.server.sharing;

import java.util.concurrent.Callable;

import io.sygnify.server.accounts.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** A job's owner shares it; anyone signed in may open a live share link. */
@RestController
class SharingController {

    record ShareRequest(String username) {
    }

    private final JobSharing sharing;

    SharingController(JobSharing sharing) {
        this.sharing = sharing;
    }

    @GetMapping("/api/jobs/{id}/shares")
    Mono<JobSharing.Shares> shares(@PathVariable String id, @AuthenticationPrincipal Viewer viewer) {
        return blocking(() -> sharing.of(id, viewer));
    }

    @PostMapping("/api/jobs/{id}/shares")
    Mono<ResponseEntity<JobSharing.UserShare>> share(@PathVariable String id, @RequestBody ShareRequest request,
                                                     @AuthenticationPrincipal Viewer viewer) {
        return blocking(() -> ResponseEntity.status(HttpStatus.CREATED)
                .body(sharing.shareWith(id, request.username(), viewer)));
    }

    @DeleteMapping("/api/jobs/{id}/shares/{username}")
    Mono<ResponseEntity<Void>> unshare(@PathVariable String id, @PathVariable String username,
                                       @AuthenticationPrincipal Viewer viewer) {
        return blocking(() -> {
            sharing.unshare(id, username, viewer);
            return ResponseEntity.noContent().build();
        });
    }

    @PostMapping("/api/jobs/{id}/share-links")
    Mono<ResponseEntity<JobSharing.CreatedLink>> createLink(@PathVariable String id,
                                                            @AuthenticationPrincipal Viewer viewer) {
        return blocking(() -> ResponseEntity.status(HttpStatus.CREATED).body(sharing.createLink(id, viewer)));
    }

    @DeleteMapping("/api/jobs/{id}/share-links/{linkId}")
    Mono<ResponseEntity<Void>> revokeLink(@PathVariable String id, @PathVariable String linkId,
                                          @AuthenticationPrincipal Viewer viewer) {
        return blocking(() -> {
            sharing.revokeLink(id, linkId, viewer);
            return ResponseEntity.noContent().build();
        });
    }

    @PostMapping("/api/share-links/{token}/open")
    Mono<JobSharing.OpenedLink> open(@PathVariable String token, @AuthenticationPrincipal Viewer viewer) {
        return blocking(() -> sharing.open(token, viewer));
    }

    private static <T> Mono<T> blocking(Callable<T> call) {
        return Mono.fromCallable(call).subscribeOn(Schedulers.boundedElastic());
    }
}
