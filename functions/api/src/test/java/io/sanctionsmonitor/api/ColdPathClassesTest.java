package io.sanctionsmonitor.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Storing findings and serving every route loads no Jackson databind class: its ~600 classes were most of the API's
 * cold-start gap (issue #8). Checked in a fresh JVM, because this one has loaded databind for other tests.
 */
class ColdPathClassesTest {

    @Test
    void storingAndServingFindingsLoadsNoDatabindClass() throws Exception {
        Path log = Files.createTempFile("cold-path-classes", ".txt");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + log));
        if (System.getProperty("moto.endpoint") != null) {
            command.add("-Dmoto.endpoint=" + System.getProperty("moto.endpoint"));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ColdPathMain.class.getName()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, child.waitFor(), output);

        List<String> classes = Files.readAllLines(log);
        Files.delete(log);
        assertTrue(classes.stream().anyMatch(l -> l.contains(" io.sanctionsmonitor.query.ResponseJson ")),
                "the child served its answers through the streaming writer");
        // The first few names are enough to see who started loading it.
        assertEquals(List.of(), classes.stream().filter(l -> l.contains(" com.fasterxml.jackson.databind."))
                .map(l -> l.split(" ")[1]).limit(5).toList());
    }
}
