package io.sanctionsmonitor.local;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The pseudo parameters a stack would have in AWS. The stack id's UUID is derived from the stack name, so a
 * local stack restarted under the same name finds the same bucket, and different names never collide.
 */
public record StackIdentity(String stackName, String accountId, String region, String stackId) {
    public static final String LOCAL_ACCOUNT = "123456789012";
    public static final String LOCAL_REGION = "us-east-1";

    public static StackIdentity local(String stackName) {
        if (!stackName.matches("[a-zA-Z][-a-zA-Z0-9]{0,40}")) {
            throw new IllegalArgumentException("stack name must be a letter then letters, digits or '-' (at most 41): " + stackName);
        }
        UUID uuid = UUID.nameUUIDFromBytes(stackName.getBytes(StandardCharsets.UTF_8));
        return new StackIdentity(stackName, LOCAL_ACCOUNT, LOCAL_REGION,
                "arn:aws:cloudformation:" + LOCAL_REGION + ":" + LOCAL_ACCOUNT + ":stack/" + stackName + "/" + uuid);
    }

    /** The physical name CloudFormation-like tools give a resource the template leaves unnamed. */
    public String generatedName(String logicalId) {
        return stackName + "-" + logicalId;
    }
}
