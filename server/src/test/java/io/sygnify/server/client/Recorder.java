package io.sygnify.server.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Collects what a listener receives, and lets a test wait until something it expects has arrived. */
final class Recorder<T> implements Consumer<T> {

    private final List<T> items = new ArrayList<>();

    @Override
    public synchronized void accept(T item) {
        items.add(item);
        notifyAll();
    }

    synchronized List<T> items() {
        return List.copyOf(items);
    }

    /** The first item (received so far or later) matching {@code condition}. */
    synchronized T await(Predicate<T> condition, Duration timeout) {
        return awaitCount(condition, 1, timeout).get(0);
    }

    /** Waits until {@code count} items match {@code condition}; returns the matches so far. */
    synchronized List<T> awaitCount(Predicate<T> condition, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<T> matches = items.stream().filter(condition).toList();
            if (matches.size() >= count) {
                return matches;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError(count + " matching item(s) did not arrive within " + timeout + "; received: " + items);
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
