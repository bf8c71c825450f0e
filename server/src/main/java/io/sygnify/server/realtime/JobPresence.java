package io.sygnify.server.realtime;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who watches which job, counted per user name so that a person with three tabs open is one viewer. Tells its
 * caller when the set of names changed, so presence is only broadcast when there is news: thousands of sockets
 * of one script joining a job cost one message, not thousands squared.
 */
final class JobPresence {

    private final Map<String, Map<String, Integer>> watchers = new HashMap<>();

    /** @return true when {@code username} was not watching {@code jobId} before */
    synchronized boolean join(String jobId, String username) {
        return watchers.computeIfAbsent(jobId, id -> new HashMap<>()).merge(username, 1, Integer::sum) == 1;
    }

    /** @return true when {@code username} no longer watches {@code jobId} */
    synchronized boolean leave(String jobId, String username) {
        Map<String, Integer> names = watchers.get(jobId);
        if (names == null || !names.containsKey(username)) {
            return false;
        }
        boolean gone = names.merge(username, -1, Integer::sum) == 0;
        if (gone) {
            names.remove(username);
            if (names.isEmpty()) {
                watchers.remove(jobId);
            }
        }
        return gone;
    }

    synchronized List<String> names(String jobId) {
        return watchers.getOrDefault(jobId, Map.of()).keySet().stream().sorted().toList();
    }
}
