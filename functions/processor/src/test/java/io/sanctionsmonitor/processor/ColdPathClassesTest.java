package io.sanctionsmonitor.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A text report's way from notification to findings loads no Jackson databind class (issue #8: with the store's
 * JSON, about 600 classes of the processor's cold start). Checked in a fresh JVM, because this one has loaded
 * databind for other tests. The store's own JSON is checked by the API module's test of the same name.
 */
class ColdPathClassesTest {

    @Test
    void aTextReportFromNotificationToFindingsLoadsNoDatabindClass() throws Exception {
        Path log = Files.createTempFile("cold-path-classes", ".txt");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + log, "-cp", System.getProperty("java.class.path"),
                ColdPathMain.class.getName()).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, child.waitFor(), output);

        List<String> classes = Files.readAllLines(log);
        Files.delete(log);
        assertTrue(classes.stream().anyMatch(l -> l.contains(" io.sanctionsmonitor.processor.S3Notifications ")),
                "the child parsed the notification");
        // The first few names are enough to see who started loading it.
        assertEquals(List.of(), classes.stream().filter(l -> l.contains(" com.fasterxml.jackson.databind."))
                .map(l -> l.split(" ")[1]).limit(5).toList());
    }
}
