package io.sygnify.analysis.ingest;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One way of splitting the first 64 KiB of a file into records, and how well it explains them: the engine's own
 * second opinion next to DuckDB's sniffer, which gives up on (or skips past) a sample with a few bad rows.
 *
 * <p>A reading has a delimiter and, optionally, a comment prefix. Its field count is the most common count of at
 * least two fields; the data block starts at the first record with that count (earlier lines are a preamble:
 * titles, notes, blank lines), and its consistency is the share of records from there on that have that count.
 *
 * @param delimiter   field delimiter
 * @param comment     comment prefix whose lines are ignored, or empty
 * @param fields      the data block's field count
 * @param consistency share of records of the data block with {@code fields} fields, 0–1
 * @param skipLines   physical lines before the data block (its first record is the header, if any)
 * @param records     the data block's records, comments and blank lines left out
 */
record SampleReading(String delimiter, String comment, int fields, double consistency, long skipLines,
                     List<CsvRecordScanner.Record> records) {

    // tried in this order; on a tie the earlier wins (a space splits prose as well as data)
    static final List<String> DELIMITERS = List.of(",", ";", "\t", "|", ":", " ");
    static final String COMMENT = "#";
    private static final int SAMPLE_RECORDS = 1000;
    private static final int MAX_PREAMBLE_RECORDS = 30;

    /** Readings of the sample with every delimiter that gives a data block of at least two records. */
    static List<SampleReading> all(FileHead head) {
        List<SampleReading> readings = new ArrayList<>();
        List<CsvRecordScanner.Record> anyRecords = null;
        for (String delimiter : DELIMITERS) {
            List<CsvRecordScanner.Record> records = records(head, delimiter);
            anyRecords = anyRecords == null ? records : anyRecords;
            read(delimiter, "", records).ifPresent(readings::add);
            if (records.stream().anyMatch(SampleReading::startsWithComment)) {
                List<CsvRecordScanner.Record> uncommented = records.stream()
                        .filter(record -> !startsWithComment(record)).toList();
                read(delimiter, COMMENT, uncommented).ifPresent(readings::add);
            }
        }
        return readings;
    }

    /** The reading that explains the sample best: most consistent, then shortest preamble, then delimiter order. */
    static SampleReading best(List<SampleReading> readings) {
        return readings.stream().min(Comparator
                .comparingDouble((SampleReading r) -> -Math.round(r.consistency * 100) / 100.0)
                .thenComparingLong(SampleReading::skipLines)
                .thenComparingInt(r -> DELIMITERS.indexOf(r.delimiter))
                .thenComparing(r -> !r.comment.isEmpty())).orElse(null);
    }

    static SampleReading withDelimiter(List<SampleReading> readings, String delimiter) {
        return readings.stream().filter(r -> r.delimiter.equals(delimiter))
                .min(Comparator.comparingDouble(r -> -r.consistency)).orElse(null);
    }

    private static java.util.Optional<SampleReading> read(String delimiter, String comment,
                                                         List<CsvRecordScanner.Record> all) {
        List<CsvRecordScanner.Record> records = all.stream().filter(record -> !record.blank()).toList();
        Map<Integer, Integer> counts = new HashMap<>();
        records.forEach(record -> counts.merge(record.fields(), 1, Integer::sum));
        int fields = counts.entrySet().stream().filter(e -> e.getKey() >= 2 && e.getValue() >= 2)
                .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).orElse(0);
        if (fields == 0) {
            return java.util.Optional.empty();
        }
        // a preamble line is a title or a note: a line with fields of its own is a bad row, not a preamble
        int start = 0;
        while (start < records.size() && start < MAX_PREAMBLE_RECORDS && records.get(start).fields() != fields
                && nonEmpty(records.get(start)) < Math.max(2, fields / 2)) {
            start++;
        }
        if (start == records.size()) {
            return java.util.Optional.empty();
        }
        List<CsvRecordScanner.Record> block = records.subList(start, records.size());
        long agreeing = block.stream().filter(record -> record.fields() == fields).count();
        return java.util.Optional.of(new SampleReading(delimiter, comment, fields, (double) agreeing / block.size(),
                block.get(0).startLine() - 1, block));
    }

    private static long nonEmpty(CsvRecordScanner.Record record) {
        return record.values().stream().filter(value -> !value.isBlank()).count();
    }

    private static boolean startsWithComment(CsvRecordScanner.Record record) {
        return !record.blank() && record.values().get(0).stripLeading().startsWith(COMMENT);
    }

    /** Records of the sample, without the last one when the sample cut it off. */
    static List<CsvRecordScanner.Record> records(FileHead head, String delimiter) {
        List<CsvRecordScanner.Record> records = new ArrayList<>();
        try {
            new CsvRecordScanner(new StringReader(head.text()), delimiter, "\"", "\"").scan(record -> {
                records.add(record);
                return records.size() < SAMPLE_RECORDS;
            });
        } catch (IOException e) {
            throw new IllegalStateException("a StringReader does not fail", e);
        }
        if (!head.complete() && records.size() > 1 && records.size() < SAMPLE_RECORDS) {
            records.remove(records.size() - 1);
        }
        return records;
    }
}
