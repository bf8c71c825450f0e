package io.sygnify.client;

import java.util.List;

/**
 * One page of {@code GET /api/jobs}, newest first.
 *
 * @param page  page number, from 0
 * @param size  page size asked for
 * @param total jobs matching the filter on all pages
 */
public record JobPage(List<Job> items, int page, int size, long total) {

    public JobPage {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
