package io.sanctionsmonitor.parsing;

import io.sanctionsmonitor.ingest.ReportParser;
import io.sanctionsmonitor.ingest.UnreadableReportException;
import io.sanctionsmonitor.model.ParsedReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads every report format analysts receive (plain text in any common encoding, Markdown, HTML, PDF, DOCX, ODT,
 * RTF), deciding the format from the content, and says precisely why a file cannot be read: every failure is an
 * {@link UnreadableReportException} whose message is the reason recorded on the document.
 *
 * <p>Thread-safe; build one per process. The no-arg constructor reads limits from the environment
 * ({@link ParseLimits#ENVIRONMENT_VARIABLES}).
 */
public final class DetectingReportParser implements ReportParser {
    static {
        QuietLogging.install();
    }

    private final ParseLimits limits;
    private final Boilerplate boilerplate = Boilerplate.defaults();

    /** Default limits, each overridable by its environment variable (PARSE_MAX_OBJECT_BYTES, ...). */
    public DetectingReportParser() {
        this(ParseLimits.fromEnvironment(System.getenv()));
    }

    public DetectingReportParser(ParseLimits limits) {
        this.limits = limits;
    }

    public ParseLimits limits() {
        return limits;
    }

    /** The format the content is in, without parsing it (the file name is only a hint). */
    public ReportFormat detect(String fileName, byte[] content) throws UnreadableReportException {
        checkSize(content);
        return FormatDetector.detect(fileName, content);
    }

    /**
     * Parses one tiny document of every format, so that their classes are loaded and initialised: call it before a
     * SnapStart/CRaC checkpoint (or at init) to take the first-parse cost off the first real report.
     *
     * @return the formats warmed up
     * @throws IllegalStateException if a sample does not read back, which would mean a broken build
     */
    public List<ReportFormat> warmUp() {
        List<ReportFormat> warmed = new ArrayList<>();
        for (Map.Entry<ReportFormat, byte[]> sample : WarmUpSamples.all().entrySet()) {
            try {
                ParsedReport report = parse(sample.getValue());
                if (!report.text().equals(WarmUpSamples.TEXT) || !report.metadata().format().equals(sample.getKey().id())) {
                    throw new IllegalStateException("warm-up sample " + sample.getKey() + " read as " + report);
                }
            } catch (UnreadableReportException e) {
                throw new IllegalStateException("warm-up sample " + sample.getKey() + " failed: " + e.getMessage(), e);
            }
            warmed.add(sample.getKey());
        }
        return warmed;
    }

    /** Parses bytes whose name is unknown: the content alone decides the format. */
    public ParsedReport parse(byte[] content) throws UnreadableReportException {
        return parse(null, content);
    }

    @Override
    public ParsedReport parse(String fileName, byte[] content) throws UnreadableReportException {
        checkSize(content);
        ParseBudget budget = new ParseBudget(limits);
        ReportFormat format = FormatDetector.detect(fileName, content);
        ParsedReport report;
        try {
            report = switch (format) {
                case TEXT -> PlainTextReader.read(content, budget, boilerplate);
                case MARKDOWN -> MarkdownReader.read(content, budget, boilerplate);
                case HTML -> HtmlReader.read(content, budget, boilerplate);
                case PDF -> PdfReader.read(content, budget, boilerplate);
                case DOCX -> DocxReader.read(content, budget, boilerplate);
                case ODT -> OdtReader.read(content, budget, boilerplate);
                case RTF -> RtfReader.read(content, budget, boilerplate);
            };
            budget.checkTextLength(report.text().length());
        } catch (LimitExceededException e) {
            throw new UnreadableReportException(e.getMessage(), e);
        } catch (StackOverflowError e) {
            throw new UnreadableReportException("nesting limit exceeded: the " + name(format)
                    + " structure is nested too deeply to read", e);
        } catch (RuntimeException e) {
            // A library tripping over a malformed file is as permanent as a clean parse error.
            throw new UnreadableReportException("corrupt " + name(format) + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage())), e);
        }
        if (report.text().isBlank()) {
            throw new UnreadableReportException("no text: the " + name(format) + " file contains no readable text");
        }
        return report;
    }

    private void checkSize(byte[] content) throws UnreadableReportException {
        if (content == null || content.length == 0) {
            throw new UnreadableReportException("empty file: 0 bytes");
        }
        if (content.length > limits.maxObjectBytes()) {
            throw new UnreadableReportException(String.format(Locale.ROOT,
                    "file too large: %,d bytes; the limit is %,d bytes", content.length, limits.maxObjectBytes()));
        }
    }

    private static String name(ReportFormat format) {
        return switch (format) {
            case TEXT -> "text";
            case MARKDOWN -> "Markdown";
            default -> format.id().toUpperCase(Locale.ROOT);
        };
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
