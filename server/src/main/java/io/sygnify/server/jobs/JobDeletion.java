package io.sygnify.server.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.sygnify.server.accounts.AccessRevoked;
import io.sygnify.server.accounts.Viewer;
import io.sygnify.server.api.ApiException;
import io.sygnify.server.config.SygnifyProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Deletes a finished job for good: its row with events, report and shares, the uploaded file and what the engine
 * wrote (parsed rows, rejects). Only a job that has ended: a running one is refused (409), so that no worker
 * writes into a deleted job; its owner cancels it first.
 * Whoever still watches it is told ({@code unsubscribed} with reason {@code job_deleted}), on every instance.
 */
@Service
public class JobDeletion {

    private static final Logger log = LoggerFactory.getLogger(JobDeletion.class);

    private final JobService jobs;
    private final JobRepository repository;
    private final SygnifyProperties properties;
    private final ApplicationEventPublisher events;

    JobDeletion(JobService jobs, JobRepository repository, SygnifyProperties properties,
                ApplicationEventPublisher events) {
        this.jobs = jobs;
        this.repository = repository;
        this.properties = properties;
        this.events = events;
    }

    /** Only the owner may delete; people it is shared with get 403, everyone else 404. */
    public void delete(String id, Viewer viewer) {
        Job job = jobs.owned(id, viewer);
        if (!job.status().isTerminal()) {
            throw new ApiException(HttpStatus.CONFLICT, "job_running", "Job " + id + " is still "
                    + job.status().wireName() + "; cancel it first, then delete it.");
        }
        if (!deleteFinished(job, false)) {
            throw ApiException.notFound("job", id);
        }
    }

    /**
     * Deletes a job that has ended, whoever owns it ({@code expired}: because of its age); false when it was
     * already gone (another instance, say).
     */
    boolean deleteFinished(Job job, boolean expired) {
        if (!repository.delete(job.id())) {
            return false;
        }
        deleteQuietly(List.of(properties.uploadsDir().resolve(job.storedName()), properties.jobDir(job.id())));
        events.publishEvent(new AccessRevoked.Job(job.id()));
        events.publishEvent(new JobDeleted(job.id(), job.fileName(), expired));
        return true;
    }

    /** The job is gone from the database: a file that cannot be removed now wastes disk but misleads nobody. */
    private static void deleteQuietly(List<Path> paths) {
        for (Path path : paths) {
            try {
                deleteTree(path);
            } catch (IOException | RuntimeException e) {
                log.warn("Could not delete {} of a deleted job: {}", path, e.getMessage());
            }
        }
    }

    /** Deletes a file or a directory with everything in it; false when there was nothing. */
    static boolean deleteTree(Path path) throws IOException {
        try (Stream<Path> tree = Files.walk(path)) {
            for (Path each : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(each);
            }
            return true;
        } catch (NoSuchFileException gone) {
            return false;
        }
    }
}
