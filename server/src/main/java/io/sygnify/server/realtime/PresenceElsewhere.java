package io.sygnify.server.realtime;

import java.util.List;

/**
 * Who watches a job on other instances of a cluster. A single node has no others; cluster mode relays each
 * instance's watchers over Redis and calls {@link JobFanOut#presenceChangedElsewhere} when they change.
 */
public interface PresenceElsewhere {

    /** This instance's watchers of {@code jobId} changed to {@code names}. */
    void localChanged(String jobId, List<String> names);

    /** Names watching {@code jobId} on other instances. */
    List<String> names(String jobId);

    PresenceElsewhere NONE = new PresenceElsewhere() {
        @Override
        public void localChanged(String jobId, List<String> names) {
        }

        @Override
        public List<String> names(String jobId) {
            return List.of();
        }
    };
}
