package io.sanctionsmonitor.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanctionsmonitor.extract.RuleBasedFindingExtractor;
import io.sanctionsmonitor.ingest.UnreadableReportException;
import io.sanctionsmonitor.local.load.GeneratedReport;
import io.sanctionsmonitor.local.load.ReportGenerator;
import io.sanctionsmonitor.model.ParsedReport;
import io.sanctionsmonitor.parsing.DetectingReportParser;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The load tool's reports are real files of each format, with findings, and its corrupt ones are refused. */
class LoadReportGeneratorTest {
    private final DetectingReportParser parser = new DetectingReportParser();
    private final RuleBasedFindingExtractor extractor = new RuleBasedFindingExtractor();

    @Test
    void everyFormatParsesAsItselfAndGivesFindings() throws UnreadableReportException {
        ReportGenerator generator = new ReportGenerator(3, 0);
        Map<ReportGenerator.Format, Integer> findings = new EnumMap<>(ReportGenerator.Format.class);
        for (int i = 0; i < 12; i++) {
            GeneratedReport report = generator.next(i);
            ParsedReport parsed = parser.parse(report.fileName(), report.content());
            assertEquals(report.format().name().toLowerCase(), parsed.metadata().format(), report.fileName());
            assertTrue(parsed.metadata().title().startsWith("Monitoring note " + i), parsed.metadata().title());
            findings.merge(report.format(), extractor.extract(parsed).size(), Integer::sum);
        }
        assertEquals(4, findings.size());
        findings.forEach((format, count) -> assertTrue(count >= 3, format + " gave " + count + " findings"));
    }

    @Test
    void aboutTheRequestedShareIsCorruptAndEveryCorruptReportIsRefusedWithAReason() {
        ReportGenerator generator = new ReportGenerator(11, 0.01);
        int corrupt = 0;
        for (int i = 0; i < 2_000; i++) {
            GeneratedReport report = generator.next(i);
            if (report.corrupt()) {
                corrupt++;
                UnreadableReportException refused = assertThrows(UnreadableReportException.class,
                        () -> parser.parse(report.fileName(), report.content()), report.fileName());
                assertFalse(refused.getMessage().isBlank());
            }
        }
        assertTrue(corrupt >= 8 && corrupt <= 35, "about 1% of 2000: " + corrupt);
    }

    @Test
    void theSameSeedGivesTheSameReports() {
        ReportGenerator one = new ReportGenerator(5, 0.01);
        ReportGenerator other = new ReportGenerator(5, 0.01);
        for (int i = 0; i < 2; i++) { // text, then HTML: PDF and DOCX carry their creation times
            GeneratedReport a = one.next(i);
            GeneratedReport b = other.next(i);
            assertEquals(a.fileName(), b.fileName());
            assertArrayEquals(a.content(), b.content());
        }
    }
}
