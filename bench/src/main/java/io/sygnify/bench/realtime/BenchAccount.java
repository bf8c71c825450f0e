package io.sygnify.bench.realtime;

/**
 * The benchmark signs in like any script: the server under test is started with this value as
 * {@code SYGNIFY_ADMIN_TOKEN}, and every request and handshake carries it as a bearer token. With {@code --attach}
 * the server is already running, and its token is taken from the same environment variable.
 */
final class BenchAccount {

    static final String TOKEN = System.getenv("SYGNIFY_ADMIN_TOKEN") != null ? System.getenv("SYGNIFY_ADMIN_TOKEN")
            : "syg_realtime-benchmark-" + Long.toHexString(System.nanoTime());
    static final String AUTHORIZATION = "Bearer " + TOKEN;

    private BenchAccount() {
    }
}
