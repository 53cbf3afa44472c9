package io.sanctionsmonitor.benchmarks.coldstart;

import io.sanctionsmonitor.local.CloudFormationTemplate;
import io.sanctionsmonitor.local.IntrinsicResolver;
import io.sanctionsmonitor.local.LocalClients;
import io.sanctionsmonitor.local.LocalStack;
import io.sanctionsmonitor.local.StackIdentity;
import io.sanctionsmonitor.local.StackProvisioner;
import java.util.UUID;

/** The template's bucket, queues and table in moto, under a stack name no other run or helper uses. */
public final class BenchmarkStacks {
    private BenchmarkStacks() {}

    public static LocalStack provision(CloudFormationTemplate template, String purpose, LocalClients clients) {
        StackIdentity identity = StackIdentity.local(purpose + "-" + UUID.randomUUID().toString().substring(0, 8));
        IntrinsicResolver resolver = new StackProvisioner(template, identity, clients.s3(), clients.sqs(),
                clients.dynamoDb()).provision();
        return LocalStack.from(template, identity, resolver);
    }
}
