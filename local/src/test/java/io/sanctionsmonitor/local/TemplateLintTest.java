package io.sanctionsmonitor.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cfn-lint (with its SAM transform) has nothing to say about template.yaml: no error, warning or info. */
class TemplateLintTest {

    @Test
    void templatePassesCfnLintWithoutAnyMessage() throws Exception {
        Lint lint = cfnLint(TemplateFiles.template());
        assertEquals("", lint.output(), "cfn-lint reported:\n" + lint.output());
        assertEquals(0, lint.exitCode());
    }

    @Test
    void lintReportsABrokenTemplate(@TempDir Path dir) throws Exception {
        // Proves the check above can fail: an unknown runtime must be reported.
        Path broken = dir.resolve("template.yaml");
        Files.writeString(broken, Files.readString(TemplateFiles.template()).replace("Runtime: java21", "Runtime: java4"));
        Lint lint = cfnLint(broken);
        assertTrue(lint.exitCode() != 0 && lint.output().contains("java4"), lint.output());
    }

    private record Lint(int exitCode, String output) {}

    private static Lint cfnLint(Path template) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder("cfn-lint", "--include-checks", "I", "--", template.toString())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("cfn-lint is needed for this test: pip install cfn-lint", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "cfn-lint did not finish");
        return new Lint(process.exitValue(), output);
    }
}
