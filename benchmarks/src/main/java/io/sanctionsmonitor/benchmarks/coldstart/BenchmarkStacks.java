package io.sanctionsmonitor.benchmarks.coldstart;

import io.sanctionsmonitor.local.CloudFormationTemplate;
import io.sanctionsmonitor.local.IntrinsicResolver;
import io.sanctionsmonitor.local.LocalClients;
import io.sanctionsmonitor.local.LocalStack;
import io.sanctionsmonitor.local.MotoServer;
import io.sanctionsmonitor.local.StackIdentity;
import io.sanctionsmonitor.local.StackProvisioner;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.UUID;

/** The template's bucket, queues and table in moto, under a stack name no other run or helper uses. */
public final class BenchmarkStacks {
    /** The port of the benchmarks' own moto_server, away from the one the tests share (5000). */
    public static final int PRIVATE_MOTO_PORT = 5077;

    private BenchmarkStacks() {}

    /**
     * The moto_server at {@code endpoint}, or, when it is empty, one of the benchmark's own on
     * {@link #PRIVATE_MOTO_PORT} (started unless one answers there), so that tests hammering the shared server do
     * not stretch the numbers. Closing it stops a server it started.
     */
    public static MotoServer moto(String endpoint, Path log) throws IOException, InterruptedException {
        if (endpoint.isEmpty()) {
            return MotoServer.start("127.0.0.1", PRIVATE_MOTO_PORT, log);
        }
        URI uri = URI.create(endpoint);
        if (!MotoServer.isUp(uri)) {
            throw new IllegalStateException("moto_server does not answer at " + uri + "; start it, e.g. moto_server -H 127.0.0.1 -p "
                    + uri.getPort());
        }
        return MotoServer.start(uri.getHost(), uri.getPort(), log);
    }

    public static LocalStack provision(CloudFormationTemplate template, String purpose, LocalClients clients) {
        StackIdentity identity = StackIdentity.local(purpose + "-" + UUID.randomUUID().toString().substring(0, 8));
        IntrinsicResolver resolver = new StackProvisioner(template, identity, clients.s3(), clients.sqs(),
                clients.dynamoDb()).provision();
        return LocalStack.from(template, identity, resolver);
    }
}
