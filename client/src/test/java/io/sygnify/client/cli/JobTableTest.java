package io.sygnify.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.sygnify.client.Job;
import io.sygnify.client.JobPage;
import org.junit.jupiter.api.Test;

class JobTableTest {

    @Test
    void listsOneJobPerLineAndWhereThePageSits() {
        Job job = new Job("4f1c", "sales.csv", 3_145_728, "profiling", "profiling", 52, "Profiling column 3",
                OffsetDateTime.of(2024, 5, 1, 12, 30, 0, 0, ZoneOffset.UTC), null, null, null, null, 1, 7, "/ws/job/4f1c");
        String table = JobTable.render(new JobPage(List.of(job), 1, 10, 11), ZoneOffset.UTC);
        assertThat(table).isEqualTo("""
                  ID    STATUS     PROGRESS  SIZE    CREATED              FILE
                  4f1c  profiling  52%       3.0 MB  2024-05-01 12:30:00  sales.csv
                Jobs 11-11 of 11 (page 1)
                """);
    }

    @Test
    void saysSoWhenThereAreNoJobs() {
        assertThat(JobTable.render(new JobPage(List.of(), 0, 20, 0), ZoneOffset.UTC)).isEqualTo("No jobs.\n");
    }
}
