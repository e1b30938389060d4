package dev.koers.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that runs against Testcontainers' {@code KafkaContainer} (the {@code apache/kafka} image of
 * the build's Kafka version) whatever broker the rest of the suite uses. Where there is no Docker engine the class
 * is skipped with a message saying so; {@link ContainerKafkaEnv} parameters give the running container.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ContainerKafkaExtension.class)
@Tag("testcontainers")
public @interface ContainerKafka {
}
