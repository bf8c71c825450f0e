package io.sygnify.server.cluster;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.sygnify.server.config.ClusterProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The instance's two Redis connections: one to publish, one subscribed to the cluster's channels. Redis being
 * down never stops the instance: publishing fails fast (the database is the truth and the others catch up from
 * it), the first connection is retried in the background, and Lettuce reconnects and re-subscribes later ones.
 */
@Component
@ConditionalOnProperty(name = "sygnify.cluster.enabled", havingValue = "true")
public class RedisLink implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RedisLink.class);

    private final RedisClient client;
    private final String prefix;
    private final Map<String, Consumer<String>> handlers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService connector = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sygnify-redis-connect");
        t.setDaemon(true);
        return t;
    });
    private final Timer publishTimer;
    private final Counter published;
    private final Counter received;
    private volatile StatefulRedisConnection<String, String> publisher;
    private volatile StatefulRedisPubSubConnection<String, String> subscriber;

    RedisLink(ClusterProperties properties, MeterRegistry registry) {
        this.prefix = properties.keyPrefix() + ":";
        this.client = RedisClient.create(RedisURI.create(properties.redisUrl()));
        client.setOptions(ClientOptions.builder().autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
        client.setDefaultTimeout(Duration.ofSeconds(2));
        this.publishTimer = Timer.builder("sygnify.cluster.redis.publish").description("Publishing to Redis")
                .register(registry);
        this.published = Counter.builder("sygnify.cluster.redis.messages").tag("direction", "out")
                .description("Messages exchanged with the other instances over Redis").register(registry);
        this.received = Counter.builder("sygnify.cluster.redis.messages").tag("direction", "in")
                .description("Messages exchanged with the other instances over Redis").register(registry);
    }

    /** Messages from the others are handled by beans, so they may only arrive once every bean is ready. */
    @EventListener(ApplicationReadyEvent.class)
    void connectWhenReady() {
        connector.execute(this::connect);
    }

    /** Registers the handler of one channel (name without prefix); call before messages are expected. */
    public void onMessage(String channel, Consumer<String> handler) {
        handlers.put(prefix + channel, handler);
        StatefulRedisPubSubConnection<String, String> current = subscriber;
        if (current != null) {
            current.async().subscribe(prefix + channel);
        }
    }

    /** Fire and forget; false when Redis cannot take it now. */
    public boolean publish(String channel, String message) {
        StatefulRedisConnection<String, String> current = publisher;
        if (current == null || !current.isOpen()) {
            return false;
        }
        long start = System.nanoTime();
        try {
            current.async().publish(prefix + channel, message);
            published.increment();
            return true;
        } catch (RuntimeException e) {
            return false;
        } finally {
            publishTimer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    public boolean isUp() {
        StatefulRedisConnection<String, String> p = publisher;
        StatefulRedisPubSubConnection<String, String> s = subscriber;
        return p != null && p.isOpen() && s != null && s.isOpen();
    }

    /** A round trip to Redis, for health. */
    public Duration ping() {
        StatefulRedisConnection<String, String> current = publisher;
        if (current == null) {
            throw new IllegalStateException("not connected to Redis yet");
        }
        long start = System.nanoTime();
        current.sync().ping();
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private void connect() {
        try {
            StatefulRedisPubSubConnection<String, String> sub = client.connectPubSub();
            sub.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    received.increment();
                    Consumer<String> handler = handlers.get(channel);
                    if (handler != null) {
                        handler.accept(message);
                    }
                }
            });
            if (!handlers.isEmpty()) {
                sub.sync().subscribe(handlers.keySet().toArray(String[]::new));
            }
            subscriber = sub;
            publisher = client.connect();
            log.info("Connected to Redis; channels {}*", prefix);
        } catch (RuntimeException e) {
            log.warn("Redis not reachable ({}); retrying in 2 s, events meanwhile come from the database",
                    e.getMessage());
            connector.schedule(this::connect, 2, TimeUnit.SECONDS);
        }
    }

    @Override
    public void destroy() {
        connector.shutdownNow();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
