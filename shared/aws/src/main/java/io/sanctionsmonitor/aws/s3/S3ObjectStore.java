package io.sanctionsmonitor.aws.s3;

import io.sanctionsmonitor.aws.AwsFailures;
import io.sanctionsmonitor.ingest.ObjectRef;
import io.sanctionsmonitor.ingest.ObjectStore;
import io.sanctionsmonitor.ingest.StoredObject;
import io.sanctionsmonitor.ingest.TransientFailureException;
import io.sanctionsmonitor.ingest.UnreadableReportException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Reads reports from S3, refusing oversize objects from the response headers before reading their bodies. */
public final class S3ObjectStore implements ObjectStore {
    private final S3Client s3;

    public S3ObjectStore(S3Client s3) {
        this.s3 = s3;
    }

    @Override
    public Optional<StoredObject> read(ObjectRef ref, long maxBytes) throws UnreadableReportException {
        try (ResponseInputStream<GetObjectResponse> body = s3.getObject(b -> b.bucket(ref.bucket()).key(ref.key()))) {
            GetObjectResponse response = body.response();
            Long length = response.contentLength();
            if (length != null && length > maxBytes) {
                body.abort();
                throw new UnreadableReportException(tooLarge(length, maxBytes));
            }
            byte[] content = readAtMost(body, maxBytes);
            String version = response.versionId() != null ? response.versionId() : stripQuotes(response.eTag());
            return Optional.of(new StoredObject(ref, version, content));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw AwsFailures.classify("S3 GetObject " + ref.key(), e);
        } catch (SdkException e) {
            throw AwsFailures.classify("S3 GetObject " + ref.key(), e);
        } catch (IOException e) {
            throw new TransientFailureException("reading S3 object " + ref.key() + " failed", e);
        }
    }

    @Override
    public boolean exists(ObjectRef ref) {
        try {
            s3.headObject(b -> b.bucket(ref.bucket()).key(ref.key()));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw AwsFailures.classify("S3 HeadObject " + ref.key(), e);
        } catch (SdkException e) {
            throw AwsFailures.classify("S3 HeadObject " + ref.key(), e);
        }
    }

    @Override
    public Optional<String> currentVersion(ObjectRef ref) {
        try {
            HeadObjectResponse head = s3.headObject(b -> b.bucket(ref.bucket()).key(ref.key()));
            return Optional.ofNullable(head.versionId() != null ? head.versionId() : stripQuotes(head.eTag()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw AwsFailures.classify("S3 HeadObject " + ref.key(), e);
        } catch (SdkException e) {
            throw AwsFailures.classify("S3 HeadObject " + ref.key(), e);
        }
    }

    /** Guards against a body longer than its declared length, so memory stays bounded either way. */
    private static byte[] readAtMost(InputStream in, long maxBytes) throws IOException, UnreadableReportException {
        byte[] content = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
        if (content.length > maxBytes) {
            throw new UnreadableReportException(tooLarge(content.length, maxBytes));
        }
        return content;
    }

    private static String tooLarge(long size, long maxBytes) {
        return "object is " + size + " bytes, over the limit of " + maxBytes + " bytes";
    }

    private static String stripQuotes(String etag) {
        return etag == null ? null : etag.replace("\"", "");
    }
}
