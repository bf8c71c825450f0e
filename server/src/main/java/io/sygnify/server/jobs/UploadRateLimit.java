package io.sygnify.server.jobs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.sygnify.server.accounts.AccountsProperties;
import io.sygnify.server.accounts.Viewer;
import io.sygnify.server.api.ApiException;
import io.sygnify.server.security.TokenBucket;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Uploads per user: a token bucket of {@code upload-burst} refilled at {@code uploads-per-minute}. One script
 * in a loop must not fill the queue and the disk for everybody. The map holds one entry per user who uploaded.
 */
@Component
class UploadRateLimit {

    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final double perSecond;
    private final int burst;

    UploadRateLimit(AccountsProperties properties) {
        this.perSecond = properties.uploadsPerMinute() / 60.0;
        this.burst = properties.uploadBurst();
    }

    void check(Viewer viewer) {
        TokenBucket bucket = buckets.computeIfAbsent(viewer.userId(), id -> new TokenBucket(perSecond, burst));
        if (!bucket.tryAcquire()) {
            long waitSeconds = bucket.secondsUntilNextToken();
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "rate_limited", "Too many uploads; you may start "
                    + "another in " + waitSeconds + " s.", waitSeconds);
        }
    }
}
