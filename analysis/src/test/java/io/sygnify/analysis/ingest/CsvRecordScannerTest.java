package io.sygnify.analysis.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordScannerTest {

    private static long lineOfRecord(String csv, long record) throws IOException {
        return new CsvRecordScanner(new StringReader(csv), ",", "\"", "\"").lineOfRecord(record);
    }

    private static List<CsvRecordScanner.Record> records(String csv, String escape) throws IOException {
        List<CsvRecordScanner.Record> records = new ArrayList<>();
        new CsvRecordScanner(new StringReader(csv), ",", "\"", escape).scan(records::add);
        return records;
    }

    @Test
    void recordNumberIsTheLineWhenNoValueSpansLines() throws IOException {
        assertThat(lineOfRecord("a,b\n1,2\n3,4\n", 3)).isEqualTo(3);
    }

    @Test
    void quotedLineBreaksPushLaterRecordsDown() throws IOException {
        assertThat(lineOfRecord("a,b\n1,\"x\ny\nz\"\n3,4\n", 3)).isEqualTo(5);
    }

    @Test
    void crLfCountsAsOneLineBreak() throws IOException {
        assertThat(lineOfRecord("a,b\r\n1,\"x\r\ny\"\r\n3,4\r\n", 3)).isEqualTo(4);
    }

    @Test
    void blankLinesAreRecordsLikeDuckDbCountsThem() throws IOException {
        List<CsvRecordScanner.Record> records = records("a,b\n\n1,2\n", "\"");

        assertThat(records).extracting(CsvRecordScanner.Record::blank).containsExactly(false, true, false);
    }

    @Test
    void doubledQuoteInsideQuotesDoesNotCloseTheValue() throws IOException {
        List<CsvRecordScanner.Record> records = records("\"say \"\"hi, you\"\"\",2\n3,4\n", "\"");

        assertThat(records).extracting(CsvRecordScanner.Record::fields).containsExactly(2, 2);
    }

    @Test
    void backslashEscapedQuoteDoesNotCloseTheValue() throws IOException {
        List<CsvRecordScanner.Record> records = records("\"say \\\"hi, you\\\"\",2\n3,4\n", "\\");

        assertThat(records).extracting(CsvRecordScanner.Record::fields).containsExactly(2, 2);
    }

    @Test
    void quoteInsideAnUnquotedValueIsPlainText() throws IOException {
        List<CsvRecordScanner.Record> records = records("1,5\" pipe,3\n4,5,6\n", "\"");

        assertThat(records).extracting(CsvRecordScanner.Record::startLine).containsExactly(1L, 2L);
    }

    @Test
    void lastRecordWithoutLineBreakIsStillCounted() throws IOException {
        assertThat(records("a,b\n1,2", "\"")).hasSize(2);
    }
}
