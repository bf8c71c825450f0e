package io.sygnify.server.monitoring;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.sygnify.server.jobs.JobDeleted;
import io.sygnify.server.jobs.JobEvent;
import io.sygnify.server.jobs.JobEventBus;
import io.sygnify.server.jobs.JobStage;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Writes job milestones to the activity log: created, each stage change, and how it ended. */
@Component
class JobActivity {

    private final ActivityLog activity;
    private final Map<String, JobStage> lastStage = new ConcurrentHashMap<>();

    JobActivity(JobEventBus bus, ActivityLog activity) {
        this.activity = activity;
        bus.subscribeToLocal(this::onEvent);
    }

    /**
     * The entry names the deleted job (so a live feed can unlink that job's earlier entries), and the stored
     * earlier entries lose their link; a client never links a {@code job_deleted} entry (docs/protocol.md).
     */
    @EventListener
    void onDeleted(JobDeleted deleted) {
        activity.forgetJob(deleted.jobId());
        activity.record("job_deleted", "info", "Job " + deleted.jobId().substring(0, 8) + " (" + deleted.fileName()
                + ") deleted" + (deleted.expired() ? " at the end of its retention period." : " by its owner."),
                deleted.jobId());
    }

    private void onEvent(JobEvent event) {
        JobStage previous = lastStage.put(event.jobId(), event.stage());
        if (event.stage().isTerminal()) {
            lastStage.remove(event.jobId());
        }
        if (previous == event.stage()) {
            return;
        }
        String job = "Job " + event.jobId().substring(0, 8);
        switch (event.stage()) {
            case QUEUED -> activity.record(event.seq() == 1 ? "job_created" : "job_requeued", "info",
                    job + (event.seq() == 1 ? " created." : " re-queued: " + event.message()), event.jobId());
            case INSIGHTS_READY -> activity.record("job_completed", "info", job + " completed.", event.jobId());
            case ERROR -> activity.record("job_failed", "warning", job + " failed: " + event.message(),
                    event.jobId());
            case CANCELLED -> activity.record("job_cancelled", "info", job + " cancelled.", event.jobId());
            default -> activity.record("stage_changed", "info", job + " is " + event.stage().wireName() + ".",
                    event.jobId());
        }
    }
}
