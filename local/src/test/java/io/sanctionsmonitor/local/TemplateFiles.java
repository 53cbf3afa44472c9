package io.sanctionsmonitor.local;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the project's template.yaml from a module's working directory. */
final class TemplateFiles {
    private TemplateFiles() {}

    static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("template.yaml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no template.yaml above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    static Path template() {
        return projectRoot().resolve("template.yaml");
    }
}
