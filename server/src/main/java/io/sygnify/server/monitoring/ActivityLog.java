package io.sygnify.server.monitoring;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import io.sygnify.server.config.SygnifyProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The persisted activity log. Entries are written on a single background thread, so that callers on hot paths
 * (event publication, sampling) never wait for the database, then handed to live listeners in order.
 */
@Component
public class ActivityLog {

    private static final Logger log = LoggerFactory.getLogger(ActivityLog.class);

    private final JdbcClient jdbc;
    private final int retention;
    private final List<Consumer<Activity>> listeners = new CopyOnWriteArrayList<>();
    private volatile Consumer<Activity> relay = activity -> { };
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sygnify-activity-writer");
        t.setDaemon(true);
        return t;
    });

    ActivityLog(JdbcClient jdbc, SygnifyProperties properties) {
        this.jdbc = jdbc;
        this.retention = properties.monitoring().activityRetention();
    }

    public void addListener(Consumer<Activity> listener) {
        listeners.add(listener);
    }

    /** Cluster mode: entries recorded here are also handed to {@code relay}, which tells the other instances. */
    public void relayTo(Consumer<Activity> relay) {
        this.relay = relay;
    }

    /** An entry another instance recorded (and stored): delivered to this instance's live listeners only. */
    public void deliverFromPeer(Activity activity) {
        writer.execute(() -> listeners.forEach(l -> l.accept(activity)));
    }

    public void record(String kind, String severity, String message, String jobId) {
        long now = System.currentTimeMillis();
        writer.execute(() -> {
            try {
                Activity activity = insert(now, kind, severity, message, jobId);
                listeners.forEach(l -> l.accept(activity));
                relay.accept(activity);
            } catch (RuntimeException e) {
                log.warn("Could not record activity '{}': {}", kind, e.getMessage());
            }
        });
    }

    /**
     * A deleted job's earlier entries keep their words but lose their link: a link would lead to "Job not found".
     * On the writer thread, so an entry of the job still waiting to be stored loses it too.
     */
    public void forgetJob(String jobId) {
        writer.execute(() -> {
            try {
                jdbc.sql("UPDATE activity SET job_id = NULL WHERE job_id = ?").param(jobId).update();
            } catch (RuntimeException e) {
                log.warn("Could not unlink the activity of deleted job {}: {}", jobId, e.getMessage());
            }
        });
    }

    private Activity insert(long now, String kind, String severity, String message, String jobId) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO activity (epoch_millis, kind, severity, message, job_id) VALUES (?, ?, ?, ?, ?)")
                .params(now, kind, severity, message, jobId).update(keys, "id");
        long id = keys.getKey().longValue();
        jdbc.sql("DELETE FROM activity WHERE id <= ?").param(id - retention).update();
        return new Activity(id, now / 1000.0, kind, severity, message, jobId);
    }

    public record Page(List<Activity> items, int page, int size, long total) {
    }

    /** Newest first. */
    public Page page(int page, int size) {
        List<Activity> items = jdbc.sql("SELECT * FROM activity ORDER BY id DESC LIMIT ? OFFSET ?")
                .params(size, (long) page * size)
                .query((rs, n) -> new Activity(rs.getLong("id"), rs.getLong("epoch_millis") / 1000.0,
                        rs.getString("kind"), rs.getString("severity"), rs.getString("message"),
                        rs.getString("job_id")))
                .list();
        long total = jdbc.sql("SELECT COUNT(*) FROM activity").query(Long.class).single();
        return new Page(items, page, size, total);
    }
}
