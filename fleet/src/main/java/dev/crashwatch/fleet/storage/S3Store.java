package dev.crashwatch.fleet.storage;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Objects in an S3 bucket (or any S3-compatible store) under a key prefix, through the AWS SDK v2. A PUT is atomic
 * and durable once S3 has answered it, so a put here is one PUT. Credentials and region come from the SDK's usual
 * places (environment, profile, instance role); with an endpoint of its own (MinIO, Ceph, S3Proxy) the client uses
 * path-style addresses and sends checksums only where S3 requires them, which such stores understand.
 */
public final class S3Store implements ObjectStore {
    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    public S3Store(S3Client s3, String bucket, String prefix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
    }

    /** A store for {@code s3://bucket/prefix}, at {@code endpoint} if one is given (else AWS itself). */
    public static S3Store open(URI location, Optional<URI> endpoint) {
        if (!"s3".equals(location.getScheme()) || location.getHost() == null) {
            throw new IllegalArgumentException("not an s3://bucket/prefix URL: " + location);
        }
        S3ClientBuilder builder = S3Client.builder()
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        endpoint.ifPresent(e -> builder.endpointOverride(e).forcePathStyle(true));
        if (System.getenv("AWS_REGION") == null && System.getProperty("aws.region") == null) {
            builder.region(Region.US_EAST_1);
        }
        String path = location.getPath() == null ? "" : location.getPath().replaceFirst("^/+", "");
        return new S3Store(builder.build(), location.getHost(), path);
    }

    @Override
    public void put(String key, byte[] bytes) throws StorageException {
        try {
            s3.putObject(PutObjectRequest.builder().bucket(bucket).key(prefix + key)
                    .contentType("application/json").build(), RequestBody.fromBytes(bytes));
        } catch (SdkException e) {
            throw new StorageException("cannot put " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<byte[]> get(String key) throws StorageException {
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(prefix + key)).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw new StorageException("cannot get " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean exists(String key) throws StorageException {
        try {
            s3.headObject(HeadObjectRequest.builder().bucket(bucket).key(prefix + key).build());
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw new StorageException("cannot look up " + key + ": " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new StorageException("cannot look up " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> list(String keyPrefix) throws StorageException {
        List<String> keys = new ArrayList<>();
        try {
            for (S3Object o : s3.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(bucket)
                    .prefix(prefix + keyPrefix).build()).contents()) {
                if (!o.key().endsWith("/")) { // a folder marker some S3-compatible stores list, not an object
                    keys.add(o.key().substring(prefix.length()));
                }
            }
        } catch (SdkException e) {
            throw new StorageException("cannot list " + keyPrefix + ": " + e.getMessage(), e);
        }
        return keys;
    }

    @Override
    public String describe() {
        return "s3://" + bucket + "/" + prefix;
    }

    @Override
    public void close() {
        s3.close();
    }
}
