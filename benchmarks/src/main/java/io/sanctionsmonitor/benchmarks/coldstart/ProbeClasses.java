package io.sanctionsmonitor.benchmarks.coldstart;

import io.sanctionsmonitor.benchmarks.coldstart.probe.ApiBaseline;
import io.sanctionsmonitor.benchmarks.coldstart.probe.ColdStartProbe;
import io.sanctionsmonitor.benchmarks.coldstart.probe.ProbeContext;
import io.sanctionsmonitor.benchmarks.coldstart.probe.ProbeEvents;
import io.sanctionsmonitor.benchmarks.coldstart.probe.ProcessorBaseline;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The probe package as a class directory of its own, to put next to a function jar on a probe JVM's class path:
 * nothing of this benchmark's fat jar (parsers, SDK, Jackson) may leak into the measured JVM.
 */
final class ProbeClasses implements AutoCloseable {
    static final String PROCESSOR_BASELINE = ProcessorBaseline.class.getName();
    static final String API_BASELINE = ApiBaseline.class.getName();
    static final String MAIN = ColdStartProbe.class.getName();
    private static final List<Class<?>> CLASSES = List.of(ColdStartProbe.class, ProbeContext.class, ProbeEvents.class,
            ProcessorBaseline.class, ApiBaseline.class);

    private final Path directory;

    private ProbeClasses(Path directory) {
        this.directory = directory;
    }

    /** Copies the probe's classes, nested and anonymous ones included, into a new temporary directory. */
    static ProbeClasses extract() throws IOException {
        Path directory = Files.createTempDirectory("coldstart-probe");
        for (Class<?> type : CLASSES) {
            copy(type, type.getSimpleName() + ".class", directory);
            for (int i = 1; copy(type, type.getSimpleName() + "$" + i + ".class", directory); i++) {
                // anonymous classes: Outer$1, Outer$2, ...
            }
        }
        return new ProbeClasses(directory);
    }

    private static boolean copy(Class<?> type, String fileName, Path directory) throws IOException {
        try (InputStream in = type.getResourceAsStream(fileName)) {
            if (in == null) {
                return false;
            }
            Path target = directory.resolve(type.getPackageName().replace('.', '/')).resolve(fileName);
            Files.createDirectories(target.getParent());
            Files.copy(in, target);
            return true;
        }
    }

    Path directory() {
        return directory;
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
