package dev.koers.cli;

import dev.koers.api.StreamLimits;
import dev.koers.domain.metrics.Anonymity;
import java.nio.file.Path;
import java.time.Duration;

/** Settings of the embedded default ({@code koers up}). Ports of 0 pick free ports. */
record UpSettings(Path dataDir, String host, int port, int kafkaPort, int partitions, Duration outcomeTimeout,
                  Duration clockSkew, Anonymity anonymity, StreamLimits streams, Duration tokenClockSkew) {}
