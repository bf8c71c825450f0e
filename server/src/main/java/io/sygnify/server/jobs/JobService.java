package io.sygnify.server.jobs;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.sygnify.server.accounts.Viewer;
import io.sygnify.server.api.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Creates, finds and cancels jobs. Blocking; callers on event loops move it to a worker scheduler. */
@Service
public class JobService {

    private final JobRepository jobs;
    private final JobEventLog eventLog;
    private final JobWorkerPool workers;
    private final RunningJobs running;
    private final JobMetrics metrics;
    private final JobAccess access;
    private final UploadStorage storage;
    private final Clock clock;
    private final TransactionTemplate tx;

    JobService(JobRepository jobs, JobEventLog eventLog, JobWorkerPool workers, RunningJobs running,
               JobMetrics metrics, JobAccess access, UploadStorage storage, Clock clock, TransactionTemplate tx) {
        this.tx = tx;
        this.storage = storage;
        this.access = access;
        this.metrics = metrics;
        this.jobs = jobs;
        this.eventLog = eventLog;
        this.workers = workers;
        this.running = running;
        this.clock = clock;
    }

    /** False once the server has begun to stop: new uploads are refused, nothing already stored is lost. */
    public boolean acceptingUploads() {
        return workers.isRunning();
    }

    /**
     * Queues a job for a stored upload. When no job can be inserted (stopping, database down) the upload is
     * deleted: no job would ever point at it, and the client is told to try again.
     */
    public Job create(Viewer owner, String clientFileName, UploadStorage.StoredUpload upload) {
        String id = UUID.randomUUID().toString();
        Job job = new Job(id, owner.userId(), DisplayFileName.sanitise(clientFileName), upload.storedName(),
                upload.sizeBytes(), JobStage.QUEUED, 0, null, null, null, 0, 0, OffsetDateTime.now(clock), null, null);
        try {
            if (!acceptingUploads()) {
                throw shuttingDown();
            }
            int ahead = workers.queueDepth();
            // One transaction: in a cluster another instance may claim the job the moment it is visible, and a
            // "Queued" event stored after that claim would put the job back in the queue behind the claimer's back.
            tx.executeWithoutResult(status -> {
                jobs.insert(job);
                eventLog.update(id, JobStage.QUEUED, 0, ahead == 0 ? "Queued: waiting for a worker."
                        : "Queued: " + ahead + " job(s) ahead.");
            });
        } catch (RuntimeException e) {
            storage.delete(upload.path());
            throw e;
        }
        metrics.created();
        workers.submit(id);
        return job;
    }

    public static ApiException shuttingDown() {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "shutting_down",
                "The server is shutting down and takes no new uploads; try again in a moment.");
    }

    public Optional<Job> find(String id) {
        return jobs.find(id);
    }

    /** Any job, whoever owns it: for the server's own use, never for answering a person. */
    public Job get(String id) {
        return jobs.find(id).orElseThrow(() -> ApiException.notFound("job", id));
    }

    /**
     * The job if {@code viewer} may see it. A job they may not see is answered exactly like one that does not
     * exist, so that ids cannot be probed.
     */
    public Job get(String id, Viewer viewer) {
        if (!access.canRead(viewer, id)) {
            throw ApiException.notFound("job", id);
        }
        return get(id);
    }

    /** Polled by clients that do not stream, so one query. */
    public JobView view(String id, Viewer viewer) {
        JobRepository.Listed listed = jobs.findVisibleTo(id, viewer.userId())
                .orElseThrow(() -> ApiException.notFound("job", id));
        Job job = listed.job();
        return JobView.of(job, listed.ownerName(), job.owner().equals(viewer.userId()) ? "owner" : "shared");
    }

    /** The owner's job; people it is shared with get 403, everyone else the usual 404. */
    public Job owned(String id, Viewer viewer) {
        switch (access.of(viewer, id)) {
            case NONE -> throw ApiException.notFound("job", id);
            case READ -> throw new ApiException(HttpStatus.FORBIDDEN, "read_only",
                    "Job " + id + " is shared with you read-only; only its owner may change it.");
            case OWNER -> { }
        }
        return get(id);
    }

    public record Page(List<JobView> items, int page, int size, long total) {
    }

    public Page page(Viewer viewer, JobStage status, int page, int size) {
        List<JobView> items = jobs.pageVisibleTo(viewer.userId(), status, page, size).stream()
                .map(l -> JobView.of(l.job(), l.ownerName(), l.job().owner().equals(viewer.userId()) ? "owner"
                        : "shared"))
                .toList();
        return new Page(items, page, size, jobs.countVisibleTo(viewer.userId(), status));
    }

    /** Jobs queued or running, oldest first, for the operators' monitor. */
    public List<JobView> unfinished() {
        return jobs.idsInStatus(List.of(JobStage.QUEUED, JobStage.PARSING, JobStage.PROFILING, JobStage.ANALYZING))
                .stream().map(jobs::find).flatMap(Optional::stream)
                .map(job -> JobView.of(job, jobs.ownerName(job).orElse(null), null)).toList();
    }

    public StageTimeline timeline(String id, Viewer viewer) {
        get(id, viewer);
        return eventLog.timeline(id);
    }

    public String insights(String id, Viewer viewer) {
        get(id, viewer);
        return insights(id);
    }

    /** The insights JSON of a finished job, whoever owns it. */
    public String insights(String id) {
        Job job = get(id);
        if (job.status() != JobStage.INSIGHTS_READY) {
            String detail = switch (job.status()) {
                case ERROR -> "Job " + id + " failed, so it has no insights: " + job.error();
                case CANCELLED -> "Job " + id + " was cancelled, so it has no insights.";
                default -> "Job " + id + " is not finished yet (stage " + job.status().wireName() + ", "
                        + job.progress() + " %).";
            };
            throw new ApiException(HttpStatus.CONFLICT, "job_not_finished", detail);
        }
        return jobs.findResult(id).orElseThrow(() -> new ApiException(HttpStatus.CONFLICT, "insights_missing",
                "Job " + id + " is finished but its insights are missing."));
    }

    public Job cancel(String id, Viewer viewer) {
        Job job = owned(id, viewer);
        if (job.status().isTerminal()) {
            throw new ApiException(HttpStatus.CONFLICT, "job_finished",
                    "Job " + id + " has already ended (" + job.status().wireName() + ").");
        }
        if (!running.stop(id, StopReason.CANCELLED_BY_USER)) {
            eventLog.fail(id, JobStage.CANCELLED, "cancelled", "Cancelled by user.");
        }
        return get(id);
    }
}
