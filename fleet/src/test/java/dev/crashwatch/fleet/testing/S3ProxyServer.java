package dev.crashwatch.fleet.testing;

import dev.crashwatch.fleet.storage.S3Store;
import java.net.URI;
import java.nio.file.Path;
import java.util.Properties;
import org.awaitility.Awaitility;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 endpoint for tests: S3Proxy in this JVM on 127.0.0.1 (any free port), storing in a folder through
 * jclouds' filesystem backend, with one bucket made at start.
 */
public final class S3ProxyServer implements AutoCloseable {
    private static final String KEY = "crashwatch-test";
    private static final String SECRET = "crashwatch-test-secret";
    public static final String BUCKET = "reports";

    private final S3Proxy proxy;
    private final BlobStoreContext context;

    public S3ProxyServer(Path folder) throws Exception {
        Properties props = new Properties();
        props.setProperty("jclouds.filesystem.basedir", folder.toString());
        context = ContextBuilder.newBuilder("filesystem").overrides(props).credentials(KEY, SECRET)
                .build(BlobStoreContext.class);
        proxy = S3Proxy.builder().blobStore(context.getBlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, KEY, SECRET).build();
        proxy.start();
        Awaitility.await().until(() -> "STARTED".equals(proxy.getState()));
        try (S3Client s3 = client()) {
            s3.createBucket(b -> b.bucket(BUCKET));
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    /** A client of this endpoint as {@link S3Store#open} makes one for an endpoint of its own. */
    public S3Client client() {
        return S3Client.builder().endpointOverride(endpoint()).forcePathStyle(true).region(Region.US_EAST_1)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, SECRET)))
                .build();
    }

    /** A store under {@code prefix} in the bucket. */
    public S3Store store(String prefix) {
        return new S3Store(client(), BUCKET, prefix);
    }

    /** The environment a separate collector process needs to reach this endpoint (the SDK's own variables). */
    public java.util.Map<String, String> environment() {
        return java.util.Map.of("AWS_ACCESS_KEY_ID", KEY, "AWS_SECRET_ACCESS_KEY", SECRET, "AWS_REGION", "us-east-1");
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
        context.close();
    }
}
