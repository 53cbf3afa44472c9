package io.sanctionsmonitor.benchmarks.coldstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The deployment jars carry one HTTP client (the URL connection client) and the API carries no document parser.
 * Reads the shaded jars the reactor built before this module (./mvnw verify builds them in order).
 */
class LeanJarsTest {
    private static final Path PROCESSOR_JAR = Path.of("../functions/processor/target/processor.jar");
    private static final Path API_JAR = Path.of("../functions/api/target/api.jar");
    private static final String URL_CONNECTION_CLIENT = "software/amazon/awssdk/http/urlconnection/";

    private static Path built(Path jar) {
        assertTrue(Files.isRegularFile(jar), jar + " is missing: build the functions first (./mvnw -B verify from the root)");
        return jar;
    }

    @Test
    void theApiJarHoldsNoParserNoS3AndNoOtherHttpClient() throws IOException {
        Path jar = built(API_JAR);
        assertEquals(List.of(), JarInventory.entriesUnder(jar, JarInventory.PARSERS));
        assertEquals(List.of(), JarInventory.entriesUnder(jar, List.of("software/amazon/awssdk/services/s3/")));
        assertEquals(List.of(), JarInventory.entriesUnder(jar, JarInventory.OTHER_HTTP_CLIENTS));
        assertFalse(JarInventory.entriesUnder(jar, List.of(URL_CONNECTION_CLIENT)).isEmpty());
    }

    @Test
    void theProcessorJarHoldsNoApacheNettyOrCrtHttpClient() throws IOException {
        Path jar = built(PROCESSOR_JAR);
        assertEquals(List.of(), JarInventory.entriesUnder(jar, JarInventory.OTHER_HTTP_CLIENTS));
        assertFalse(JarInventory.entriesUnder(jar, List.of(URL_CONNECTION_CLIENT)).isEmpty());
    }

    @Test
    void libraryPrefixesGroupWholeSubtrees() {
        assertEquals("software/amazon/awssdk/services/dynamodb/", JarInventory.prefix("software/amazon/awssdk/services/dynamodb/model/Put.class"));
        assertEquals("org/apache/pdfbox/", JarInventory.prefix("org/apache/pdfbox/pdmodel/PDDocument.class"));
        assertEquals("org/jsoup/", JarInventory.prefix("org/jsoup/nodes/Element.class"));
        assertEquals("software/amazon/awssdk/core/", JarInventory.prefix("software/amazon/awssdk/core/SdkBytes.class"));
        assertEquals("META-INF/", JarInventory.prefix("META-INF/MANIFEST.MF"));
        assertEquals("(root files)", JarInventory.prefix("mime.types"));
    }
}
