package io.sanctionsmonitor.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanctionsmonitor.extract.FindingExtractor;
import io.sanctionsmonitor.extract.RuleBasedFindingExtractor;
import io.sanctionsmonitor.ingest.ReportParser;
import io.sanctionsmonitor.ingest.UnreadableReportException;
import io.sanctionsmonitor.model.Finding;
import io.sanctionsmonitor.model.ParsedReport;
import io.sanctionsmonitor.parsing.DetectingReportParser;
import io.sanctionsmonitor.provisions.ProvisionCatalog;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code bin/extract FILE_OR_DIR...}: prints one JSON line per report, {@code {"document": NAME, "findings": [...]}}.
 * Each finding is the stored {@code Finding}'s JSON plus {@code provisions}: the UN Security Council paragraphs it may
 * breach ({@link ProvisionCatalog}), with {@code cap_ratio} where its quantity can be compared with a cap.
 * A folder stands for its regular files, sorted by name. An unreadable report prints its reason under "error".
 */
public final class ExtractCommand {

    private final ReportParser parser;
    private final FindingExtractor extractor;
    private final ProvisionCatalog provisions = ProvisionCatalog.standard();
    private final ObjectMapper json = new ObjectMapper();

    public ExtractCommand(ReportParser parser, FindingExtractor extractor) {
        this.parser = parser;
        this.extractor = extractor;
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: bin/extract FILE_OR_DIR...");
            System.exit(2);
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        int failures = new ExtractCommand(new DetectingReportParser(), new RuleBasedFindingExtractor()).run(args, out);
        System.exit(failures == 0 ? 0 : 1);
    }

    /** Writes one line per report; returns how many could not be read. */
    public int run(String[] args, PrintStream out) {
        int failures = 0;
        for (Path file : files(args)) {
            out.println(line(file));
            if (lastFailed) {
                failures++;
            }
        }
        return failures;
    }

    private boolean lastFailed;

    /** The JSON line for one report. */
    public String line(Path file) {
        lastFailed = false;
        ObjectNode node = json.createObjectNode();
        node.put("document", file.getFileName().toString());
        try {
            ParsedReport report = parser.parse(file.getFileName().toString(), Files.readAllBytes(file));
            ArrayNode findings = node.putArray("findings");
            for (Finding finding : extractor.extract(report)) {
                ObjectNode f = json.valueToTree(finding);
                f.set("provisions", json.valueToTree(provisions.provisionsFor(finding)));
                findings.add(f);
            }
        } catch (UnreadableReportException e) {
            lastFailed = true;
            node.putArray("findings");
            node.put("error", e.getMessage());
        } catch (IOException e) {
            lastFailed = true;
            node.putArray("findings");
            node.put("error", "cannot read file: " + e.getMessage());
        }
        try {
            return json.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> files(String[] args) {
        List<Path> out = new ArrayList<>();
        for (String arg : args) {
            Path p = Path.of(arg);
            if (Files.isDirectory(p)) {
                try (Stream<Path> list = Files.list(p)) {
                    list.filter(Files::isRegularFile).sorted().forEach(out::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }
}
