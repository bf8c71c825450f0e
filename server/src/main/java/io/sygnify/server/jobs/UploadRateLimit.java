package io.sygnify.server.jobs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.sygnify.server.accounts.AccountsProperties;
import io.sygnify.server.accounts.Viewer;
import io.sygnify.server.api.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Uploads per user: a token bucket of {@code upload-burst} refilled at {@code uploads-per-minute}. One script
 * in a loop must not fill the queue and the disk for everybody. The map holds one entry per user who uploaded.
 */
@Component
class UploadRateLimit {

    private static final class Bucket {
        private double tokens;
        private long lastNanos = System.nanoTime();

        Bucket(double tokens) {
            this.tokens = tokens;
        }
    }

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final double perNano;
    private final int burst;

    UploadRateLimit(AccountsProperties properties) {
        this.perNano = properties.uploadsPerMinute() / 60e9;
        this.burst = properties.uploadBurst();
    }

    void check(Viewer viewer) {
        Bucket bucket = buckets.computeIfAbsent(viewer.userId(), id -> new Bucket(burst));
        synchronized (bucket) {
            long now = System.nanoTime();
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.lastNanos) * perNano);
            bucket.lastNanos = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return;
            }
            long waitSeconds = (long) Math.ceil((1 - bucket.tokens) / perNano / 1e9);
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "rate_limited", "Too many uploads; you may start "
                    + "another in " + waitSeconds + " s.", Math.max(1, waitSeconds));
        }
    }
}
