package io.sanctionsmonitor.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanctionsmonitor.model.DocumentStatus;
import io.sanctionsmonitor.model.ReportDocument;
import io.sanctionsmonitor.testing.SampleFindings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The streaming document JSON is what databind wrote before, so stored document items read and the API is unchanged. */
class ReportDocumentJsonTest {

    private static final ObjectMapper DATABIND = new ObjectMapper();

    static List<ReportDocument> documents() {
        return List.of(
                SampleFindings.document("reports/a.txt", "2025-01-15T10:00:00Z"),
                new ReportDocument(null, null, null, null, null, null, null, null, null, null, null, null, null, null),
                new ReportDocument("0123456789abcdef0123", "b", "reports/ü \"x\".pdf", "v\u0000", Long.MAX_VALUE, "pdf",
                        "Title — “quoted”", "2025", "Publisher\n", "ru", DocumentStatus.FAILED, "text limit exceeded",
                        0, "2025-02-01T00:00:00.123Z"));
    }

    @Test
    void writesEachDocumentAsDatabindDid() throws Exception {
        for (ReportDocument d : documents()) {
            assertEquals(DATABIND.writeValueAsString(d), ReportDocumentJson.toJson(d));
        }
    }

    @Test
    void readsWhatDatabindWroteBackToTheSameDocument() throws Exception {
        for (ReportDocument d : documents()) {
            assertEquals(d, ReportDocumentJson.fromJson(DATABIND.writeValueAsString(d)));
        }
    }

    @Test
    void ignoresFieldsItDoesNotKnow() throws Exception {
        assertEquals(new ReportDocument("i", null, null, null, 5L, null, null, null, null, null,
                DocumentStatus.PROCESSED, null, 2, null),
                ReportDocumentJson.fromJson("{\"id\":\"i\",\"later\":[{}],\"size\":5,\"status\":\"PROCESSED\",\"finding_count\":2}"));
    }
}
