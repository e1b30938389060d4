package dev.koers.kafka.embedded;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How to launch the child JVM of a {@link ChildProcessKafka}.
 *
 * @param javaBinary the java executable
 * @param classpath  must contain kafka_2.13 and its dependencies (and an slf4j binding to get a log)
 * @param jvmArgs    options placed before the main class, such as heap size
 */
public record ChildJvm(Path javaBinary, String classpath, List<String> jvmArgs) {

    /** Small heap and a single-threaded GC: the broker shares two cores with the tests that use it. */
    public static final List<String> DEFAULT_JVM_ARGS =
            List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-Djava.awt.headless=true");

    public ChildJvm {
        Objects.requireNonNull(javaBinary, "javaBinary");
        Objects.requireNonNull(classpath, "classpath");
        jvmArgs = List.copyOf(jvmArgs);
    }

    /** The java that runs this JVM, with this JVM's classpath and {@link #DEFAULT_JVM_ARGS}. */
    public static ChildJvm current() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ChildJvm(java, System.getProperty("java.class.path"), DEFAULT_JVM_ARGS);
    }

    public ChildJvm withClasspath(String newClasspath) {
        return new ChildJvm(javaBinary, newClasspath, jvmArgs);
    }

    public ChildJvm withJvmArgs(List<String> newJvmArgs) {
        return new ChildJvm(javaBinary, classpath, newJvmArgs);
    }
}
