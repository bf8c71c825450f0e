package io.sygnify.client.cli;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import io.sygnify.client.Job;
import io.sygnify.client.JobPage;

/** {@code sygnify jobs} output: one line per job, then where this page sits in the whole list. */
final class JobTable {

    private static final int MAX_CELL = 40;
    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private JobTable() {
    }

    static String render(JobPage page, ZoneId zone) {
        if (page.items().isEmpty()) {
            return page.total() == 0 ? "No jobs.\n"
                    : "No jobs on page " + page.page() + " (" + page.total() + " in total).\n";
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("ID", "STATUS", "PROGRESS", "SIZE", "CREATED", "FILE"));
        for (Job job : page.items()) {
            rows.add(List.of(job.id(), job.status(), job.progress() + "%", HumanBytes.format(job.sizeBytes()),
                    job.createdAt() == null ? "-" : CREATED.format(job.createdAt().atZoneSameInstant(zone)),
                    job.fileName() == null ? "-" : job.fileName()));
        }
        long first = (long) page.page() * page.size() + 1;
        long last = first + page.items().size() - 1;
        return Table.render(rows, MAX_CELL)
                + "Jobs " + first + "-" + last + " of " + page.total() + " (page " + page.page() + ")\n";
    }
}
