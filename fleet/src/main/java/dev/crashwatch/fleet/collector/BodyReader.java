package dev.crashwatch.fleet.collector;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Reads a request body within its limits: at most {@code maxBody} bytes as sent and, for {@code Content-Encoding:
 * gzip}, at most {@code maxReport} bytes once unpacked — reading stops one byte past a limit, so a gzip bomb costs
 * the collector no more than the limit. The rest of an oversized body is read and thrown away, up to
 * {@value #DRAIN_LIMIT} bytes, so that a client still sending gets the 413 and its reason rather than a broken pipe;
 * past that the connection is closed.
 */
final class BodyReader {
    static final int DRAIN_LIMIT = 8 * 1024 * 1024;

    private final int maxBody;
    private final int maxReport;

    BodyReader(int maxBody, int maxReport) {
        this.maxBody = maxBody;
        this.maxReport = maxReport;
    }

    /** The report's bytes; {@code encoding} is the Content-Encoding header, null when there is none. */
    byte[] read(InputStream body, long contentLength, String encoding) throws Rejection, IOException {
        boolean gzip = encoding != null && encoding.trim().equalsIgnoreCase("gzip");
        if (encoding != null && !gzip && !encoding.trim().equalsIgnoreCase("identity")) {
            throw new Rejection(RejectReason.BAD_ENCODING, "Content-Encoding must be gzip or none");
        }
        byte[] sent;
        try {
            if (contentLength > maxBody) {
                throw new Rejection(RejectReason.TOO_LARGE, "body over " + maxBody + " bytes");
            }
            sent = upTo(body, maxBody, "body over " + maxBody + " bytes");
        } catch (Rejection r) {
            drain(body);
            throw r;
        }
        if (!gzip) {
            if (sent.length > maxReport) {
                throw new Rejection(RejectReason.TOO_LARGE, "report over " + maxReport + " bytes");
            }
            return sent;
        }
        try (InputStream unpacked = new GZIPInputStream(new ByteArrayInputStream(sent))) {
            return upTo(unpacked, maxReport, "report over " + maxReport + " bytes once unpacked");
        } catch (IOException e) {
            throw new Rejection(RejectReason.BAD_GZIP, "body is not valid gzip");
        }
    }

    private static void drain(InputStream body) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while (total <= DRAIN_LIMIT && (n = body.read(buffer)) > 0) {
            total += n;
        }
    }

    private static byte[] upTo(InputStream in, int limit, String tooLarge) throws Rejection, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(limit, 16 * 1024));
        byte[] buffer = new byte[16 * 1024];
        int n;
        while ((n = in.read(buffer)) > 0) {
            out.write(buffer, 0, n);
            if (out.size() > limit) {
                throw new Rejection(RejectReason.TOO_LARGE, tooLarge);
            }
        }
        return out.toByteArray();
    }
}
