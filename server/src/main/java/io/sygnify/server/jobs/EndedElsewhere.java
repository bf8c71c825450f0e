package io.sygnify.server.jobs;

import org.springframework.stereotype.Component;

/**
 * Stops the analysis of a job that has ended without it. In a cluster a cancel request reaches whichever instance
 * the load balancer picks; that instance stores the {@code cancelled} event, and the instance analysing the file
 * learns of it from the event rather than at its next lease renewal (a third of the lease, 5 s by default).
 * On a single node the run that is stopped has already written the terminal event itself: nothing changes.
 */
@Component
class EndedElsewhere {

    EndedElsewhere(JobEventBus bus, RunningJobs running) {
        bus.subscribe(event -> {
            if (event.stage().isTerminal()) {
                running.stop(event.jobId(), StopReason.ENDED_ELSEWHERE);
            }
        });
    }
}
