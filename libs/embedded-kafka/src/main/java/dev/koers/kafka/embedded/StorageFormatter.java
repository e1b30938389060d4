package dev.koers.kafka.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Properties;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Formats a data directory once; afterwards its meta.properties keeps the cluster id for every restart. */
final class StorageFormatter {

    private static final Logger LOG = LoggerFactory.getLogger(StorageFormatter.class);

    private StorageFormatter() {
    }

    /** Returns the cluster id of the data directory, formatting it first if it has never been formatted. */
    static String formatIfNeeded(DataDirLayout layout) {
        return formatIfNeeded(layout, Uuid.randomUuid().toString());
    }

    /** The same, formatting with the given cluster id: every node of one cluster is formatted with the same. */
    static String formatIfNeeded(DataDirLayout layout, String clusterId) {
        if (Files.exists(layout.metaProperties())) {
            return existingClusterId(layout);
        }
        String[] args = {"format", "-t", clusterId, "-c", layout.serverProperties().toString()};
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int code;
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            code = StorageTool.execute(args, out);
        } catch (RuntimeException e) {
            throw new BrokerStartException("could not format " + layout.logDir() + ": " + output, e);
        }
        if (code != 0) {
            throw new BrokerStartException("formatting " + layout.logDir() + " failed with code " + code + ": " + output);
        }
        LOG.debug("Formatted {} for cluster {}: {}", layout.logDir(), clusterId, output);
        return clusterId;
    }

    private static String existingClusterId(DataDirLayout layout) {
        Properties meta = new Properties();
        try (Reader in = Files.newBufferedReader(layout.metaProperties())) {
            meta.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + layout.metaProperties(), e);
        }
        String clusterId = meta.getProperty("cluster.id");
        if (clusterId == null) {
            throw new BrokerStartException(layout.metaProperties() + " has no cluster.id");
        }
        return clusterId;
    }
}
