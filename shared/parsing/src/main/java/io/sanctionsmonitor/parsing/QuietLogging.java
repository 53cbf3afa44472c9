package io.sanctionsmonitor.parsing;

import java.util.ServiceLoader;
import org.apache.logging.log4j.spi.Provider;

/**
 * POI logs through the Log4j API, and commons-logging (PDFBox's) prefers that API when it is present. With no
 * Log4j provider on the class path, Log4j prints "could not find a logging provider" as an ERROR on first use,
 * which reads like a failure in the function's log. Unless the application brings a provider, this selects
 * Log4j's built-in simple logger (errors to stderr) instead.
 */
final class QuietLogging {
    private static final String FACTORY_PROPERTY = "log4j2.loggerContextFactory";
    private static final String SIMPLE_FACTORY = "org.apache.logging.log4j.simple.SimpleLoggerContextFactory";

    private QuietLogging() {}

    static void install() {
        if (System.getProperty(FACTORY_PROPERTY) != null
                || QuietLogging.class.getClassLoader().getResource("META-INF/log4j-provider.properties") != null
                || ServiceLoader.load(Provider.class, QuietLogging.class.getClassLoader()).findFirst().isPresent()) {
            return;
        }
        System.setProperty(FACTORY_PROPERTY, SIMPLE_FACTORY);
    }
}
