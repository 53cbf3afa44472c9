package io.sanctionsmonitor.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanctionsmonitor.api.ApiHandler;
import io.sanctionsmonitor.model.DocumentIds;
import io.sanctionsmonitor.processor.ProcessorHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The walking skeleton, end to end: a report uploaded into the bucket goes through the S3 notification, the
 * queue and the processor into the table, and comes back out of the HTTP API. Everything is created from
 * template.yaml; every call goes through the real SDK clients and real HTTP. Subclasses say where AWS is.
 */
abstract class UploadToFindingsScenario {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A space and a real '+' in the key: S3 notifications encode them differently. */
    private static final String KEY = "reports/field report+annex.txt";

    private LocalClients clients;
    private LocalStack stack;
    private SqsEventSourcePoller poller;
    private HttpApiServer api;
    private final HttpClient http = HttpClient.newHttpClient();

    /** Where S3, SQS and DynamoDB answer. */
    abstract URI endpoint();

    @BeforeEach
    void deployTheTemplate() throws IOException {
        clients = LocalClients.at(endpoint());
        CloudFormationTemplate template = CloudFormationTemplate.read(TemplateFiles.template());
        StackIdentity identity = StackIdentity.local("e2e-" + UUID.randomUUID().toString().substring(0, 8));
        IntrinsicResolver resolver = new StackProvisioner(template, identity, clients.s3(), clients.sqs(),
                clients.dynamoDb()).provision();
        stack = LocalStack.from(template, identity, resolver);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        poller = new SqsEventSourcePoller(clients.sqs(), stack.queueUrl(), stack.queueArn(), stack.eventSource(),
                new ProcessorHandler(clients.s3(), clients.dynamoDb(), stack.tableName()),
                () -> new LocalLambdaContext("processor", 1024, 60, quiet), line -> { });
        api = new HttpApiServer(new InetSocketAddress("127.0.0.1", 0), stack.routes(),
                new ApiHandler(clients.dynamoDb(), stack.tableName(),
                        "end-to-end-cursor-key-32-bytes!!".getBytes(StandardCharsets.UTF_8)),
                () -> new LocalLambdaContext("api", 512, 10, quiet), line -> { });
        api.start();
    }

    @AfterEach
    void tearDown() {
        api.close();
        poller.close();
        clients.close();
    }

    @Test
    void anUploadedReportBecomesFindingsServedOverHttpAndItsRemovalTakesThemAway() throws Exception {
        String documentId = DocumentIds.of(stack.bucket(), KEY);
        clients.s3().putObject(b -> b.bucket(stack.bucket()).key(KEY), RequestBody.fromBytes(fixture()));

        JsonNode document = awaitDocumentStatus(documentId, "PROCESSED");
        assertEquals(KEY, document.path("key").asText());
        assertEquals("2025-06-10", document.path("published").asText());

        JsonNode arms = get("/findings?category=ARMS_TRANSFER&from=RUS&to=PRK").path("items");
        assertFalse(arms.isEmpty(), "no arms transfer from RUS to PRK was served");
        for (JsonNode finding : arms) {
            assertEquals("ARMS_TRANSFER", finding.path("category").asText());
            assertEquals(documentId, finding.path("document_id").asText());
        }
        assertTrue(arms.toString().contains("Pantsir"), arms.toString());

        JsonNode shells = get("/findings?category=MUNITIONS_TRANSFER&country=RUS").path("items");
        assertEquals(1, shells.size(), shells.toString());
        assertEquals("PRK", shells.get(0).path("from").asText());
        assertEquals(5000, shells.get(0).path("quantity").path("value").asInt());
        String evidence = shells.get(0).path("evidence").asText();
        assertTrue(new String(fixture(), StandardCharsets.UTF_8).contains(evidence),
                "the evidence is a sentence of the report: " + evidence);

        List<String> pagedIds = walkPages("/findings?country=PRK&limit=1");
        assertEquals(document.path("finding_count").asInt(), pagedIds.size(), pagedIds.toString());
        assertEquals(pagedIds.size(), new HashSet<>(pagedIds).size(), "a page repeated a finding: " + pagedIds);

        deleteEveryVersion(KEY);
        awaitDocumentStatus(documentId, "DELETED");
        assertEquals(0, get("/documents/" + documentId + "/findings").path("items").size());
        assertEquals(0, get("/findings?document=" + documentId).path("items").size());
    }

    /**
     * The bucket is versioned. Deleting every version sends ObjectRemoved:Delete; a plain delete would only add a
     * delete marker, whose ObjectRemoved:DeleteMarkerCreated notification AWS sends but moto 5.2 does not.
     * The processor treats both alike.
     */
    private void deleteEveryVersion(String key) {
        clients.s3().listObjectVersions(b -> b.bucket(stack.bucket()).prefix(key)).versions().forEach(version ->
                clients.s3().deleteObject(b -> b.bucket(stack.bucket()).key(key).versionId(version.versionId())));
    }

    /** Runs the event source until the document reaches the status, as Lambda would in the background. */
    private JsonNode awaitDocumentStatus(String documentId, String status) throws Exception {
        JsonNode document = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            poller.pollOnce(1);
            HttpResponse<String> response = request("/documents/" + documentId);
            if (response.statusCode() == 200) {
                document = JSON.readTree(response.body());
                if (status.equals(document.path("status").asText())) {
                    return document;
                }
            }
        }
        throw new AssertionError("document " + documentId + " never reached " + status + "; last seen: " + document);
    }

    private List<String> walkPages(String firstPage) throws Exception {
        List<String> ids = new ArrayList<>();
        Set<String> cursors = new HashSet<>();
        JsonNode page = get(firstPage);
        while (true) {
            page.path("items").forEach(item -> ids.add(item.path("id").asText()));
            JsonNode next = page.path("next_cursor");
            if (next.isMissingNode() || next.isNull()) {
                return ids;
            }
            assertTrue(cursors.add(next.asText()), "the same cursor came back twice");
            page = get(firstPage + "&cursor=" + URLEncoder.encode(next.asText(), StandardCharsets.UTF_8));
        }
    }

    private JsonNode get(String pathAndQuery) throws Exception {
        HttpResponse<String> response = request(pathAndQuery);
        assertEquals(200, response.statusCode(), pathAndQuery + " -> " + response.body());
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> request(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + pathAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] fixture() throws IOException {
        try (InputStream in = UploadToFindingsScenario.class.getResourceAsStream("/reports/field-report.txt")) {
            return in.readAllBytes();
        }
    }
}
