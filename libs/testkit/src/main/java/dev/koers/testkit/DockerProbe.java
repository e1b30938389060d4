package dev.koers.testkit;

import org.testcontainers.DockerClientFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Asks Testcontainers whether Docker can be used; any failure to find out counts as "no". */
final class DockerProbe {

    private static final Logger LOG = LoggerFactory.getLogger(DockerProbe.class);

    private DockerProbe() {
    }

    static boolean isDockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("Could not probe for Docker; continuing without it", e);
            return false;
        }
    }
}
