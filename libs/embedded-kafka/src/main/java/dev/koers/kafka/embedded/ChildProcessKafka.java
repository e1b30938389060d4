package dev.koers.kafka.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The same single-node KRaft broker as {@link EmbeddedKafka}, but in a child JVM ({@code kafka.Kafka}), so a
 * test can stop it with SIGTERM or crash it with SIGKILL and start it again on the same ports and data.
 */
public final class ChildProcessKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChildProcessKafka.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(30);
    private static final String CHILD_LOGBACK_CONFIG = "dev/koers/kafka/embedded/child-logback.xml";
    private static final int LOG_LINES_IN_ERRORS = 20;

    private final BrokerSettings settings;
    private final BrokerPorts ports;
    private final DataDirLayout layout;
    private final ChildJvm jvm;
    private final String newClusterId; // the id a new data directory is formatted with
    private final Duration readyTimeout;
    private final Thread exitHook = new Thread(this::terminateWithParent, "koers-kafka-child-terminator");
    private volatile Process process; // replaced on restart; read without the lock by the exit hook
    private String clusterId; // guarded by this
    private boolean closed; // guarded by this

    private ChildProcessKafka(BrokerSettings settings, BrokerPorts ports, ChildJvm jvm, String newClusterId,
                              Duration readyTimeout) {
        this.settings = settings;
        this.ports = ports;
        this.layout = new DataDirLayout(settings.dataDir());
        this.jvm = jvm;
        this.newClusterId = newClusterId;
        this.readyTimeout = readyTimeout;
    }

    /** Starts the broker in a child of this JVM's java, with this JVM's classpath. */
    public static ChildProcessKafka start(BrokerSettings settings) {
        return start(settings, ChildJvm.current());
    }

    /**
     * Formats the data directory if it is new, launches the child JVM and returns once the broker answers.
     *
     * @throws BrokerStartException if formatting fails, the child exits early or does not answer in time
     */
    public static ChildProcessKafka start(BrokerSettings settings, ChildJvm jvm) {
        return start(settings, jvm, Uuid.randomUuid().toString(), READY_TIMEOUT);
    }

    /**
     * Starts one node of a cluster: a new data directory is formatted with {@code clusterId}, which every node
     * of the cluster shares; the node id and the voters come with the settings' overrides. Each start and restart
     * waits at most {@code readyTimeout} for the broker to answer (a cluster's node answers only once a majority
     * of the voters runs).
     *
     * @throws BrokerStartException if formatting fails, the child exits early or does not answer in time
     */
    public static ChildProcessKafka start(BrokerSettings settings, ChildJvm jvm, String clusterId,
                                          Duration readyTimeout) {
        BrokerPorts ports = BrokerPorts.resolve(settings);
        ChildProcessKafka kafka =
                new ChildProcessKafka(settings.withPorts(ports), ports, jvm, clusterId, readyTimeout);
        kafka.launch();
        Runtime.getRuntime().addShutdownHook(kafka.exitHook);
        return kafka;
    }

    /** Stops the broker if it still runs, then starts it again with the same ports and data directory. */
    public synchronized ChildProcessKafka restart() {
        if (closed) {
            throw new IllegalStateException("closed: " + this);
        }
        if (isRunning()) {
            stop();
        }
        launch();
        return this;
    }

    /**
     * Sends SIGTERM and waits for the exit (Kafka shuts down cleanly); returns the exit code, 143 after a clean
     * shutdown. A broker that already exited just reports its code.
     */
    public synchronized int stop() {
        Process current = process;
        if (!current.isAlive()) {
            return current.exitValue();
        }
        current.destroy();
        return awaitExit(current, "SIGTERM");
    }

    /**
     * For tearing a whole cluster down: SIGTERM, and SIGKILL if the broker has not exited in time (the last
     * brokers of a KRaft quorum that is going down with them can wait minutes for a controlled shutdown no
     * controller will acknowledge). Waits for the exit either way and logs the SIGKILL; never throws for it.
     */
    public synchronized void closeOrKill() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Process current = process;
            if (current.isAlive()) {
                current.destroy();
                if (!exitsWithin(current, EXIT_TIMEOUT)) {
                    LOG.warn("Kafka broker at {} did not exit within {} of SIGTERM; sending SIGKILL", bootstrapServers(),
                            EXIT_TIMEOUT);
                    current.destroyForcibly();
                    if (!exitsWithin(current, EXIT_TIMEOUT)) {
                        throw new IllegalStateException("Kafka child JVM " + current.pid() + " survived SIGKILL for "
                                + EXIT_TIMEOUT);
                    }
                }
            }
        } finally {
            removeExitHook();
        }
    }

    private static boolean exitsWithin(Process current, Duration timeout) {
        try {
            return current.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka child JVM " + current.pid(), e);
        }
    }

    /** Sends SIGKILL and waits for the exit: a crash without any shutdown; returns the exit code (137). */
    public synchronized int kill() {
        Process current = process;
        if (!current.isAlive()) {
            return current.exitValue();
        }
        current.destroyForcibly();
        return awaitExit(current, "SIGKILL");
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /** The process id of the current child JVM; a restart gives a new one. */
    public long pid() {
        return process.pid();
    }

    public String bootstrapServers() {
        return BrokerConfig.bootstrapServers(ports);
    }

    public BrokerPorts ports() {
        return ports;
    }

    public Path dataDir() {
        return settings.dataDir();
    }

    /** Everything the child JVM printed, across restarts. */
    public Path logFile() {
        return layout.childLog();
    }

    public synchronized String clusterId() {
        return clusterId;
    }

    /** Stops the broker cleanly if it still runs; calling it again does nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            stop();
        } finally {
            removeExitHook();
        }
    }

    @Override
    public String toString() {
        return "ChildProcessKafka[" + bootstrapServers() + ", " + settings.dataDir() + "]";
    }

    private synchronized void launch() {
        BrokerConfig.write(BrokerConfig.properties(settings, ports), layout);
        clusterId = StorageFormatter.formatIfNeeded(layout, newClusterId);
        Process launched = spawn();
        process = launched;
        try {
            BrokerReadiness.await(bootstrapServers(), readyTimeout, () -> failIfExited(launched));
        } catch (RuntimeException e) {
            launched.destroyForcibly();
            throw e;
        }
        LOG.info("Kafka broker ready at {} (data: {}, pid {})", bootstrapServers(), settings.dataDir(), launched.pid());
    }

    private Process spawn() {
        List<String> command = new ArrayList<>();
        command.add(jvm.javaBinary().toString());
        command.addAll(jvm.jvmArgs());
        command.add("-Dlogback.configurationFile=" + CHILD_LOGBACK_CONFIG);
        command.add("-cp");
        command.add(jvm.classpath());
        command.add("kafka.Kafka");
        command.add(layout.serverProperties().toString());
        try {
            return new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(Redirect.appendTo(layout.childLog().toFile()))
                    .start();
        } catch (IOException e) {
            throw new BrokerStartException("could not launch " + jvm.javaBinary(), e);
        }
    }

    private void failIfExited(Process launched) {
        if (!launched.isAlive()) {
            throw new BrokerStartException("Kafka child JVM exited with code " + launched.exitValue()
                    + " before it answered; last lines of " + layout.childLog() + ":\n" + logTail());
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(layout.childLog());
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_LINES_IN_ERRORS), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + layout.childLog(), e);
        }
    }

    private int awaitExit(Process current, String signal) {
        if (!exitsWithin(current, EXIT_TIMEOUT)) {
            current.destroyForcibly();
            throw new IllegalStateException("Kafka child JVM " + current.pid() + " did not exit within "
                    + EXIT_TIMEOUT + " of " + signal + "; sent SIGKILL");
        }
        LOG.info("Kafka broker at {} exited with code {} after {}", bootstrapServers(), current.exitValue(), signal);
        return current.exitValue();
    }

    // Without this a child would outlive an aborted test run and keep its ports.
    private void terminateWithParent() {
        Process current = process;
        if (current != null && current.isAlive()) {
            current.destroy();
        }
    }

    private void removeExitHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(exitHook);
        } catch (IllegalStateException shutdownInProgress) {
            // The JVM is already exiting; the hook runs (or ran) and finds the child stopped.
        }
    }
}
