package dev.koers.testkit;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Skips {@link ContainerKafka} classes without Docker, and otherwise starts one container for the test JVM
 * (closed with the root context) and says which broker the tests use.
 */
final class ContainerKafkaExtension implements ExecutionCondition, ParameterResolver {

    private static final Logger LOG = LoggerFactory.getLogger(ContainerKafkaExtension.class);
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(ContainerKafkaExtension.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (DockerProbe.isDockerAvailable()) {
            return ConditionEvaluationResult.enabled("Docker is available: running against " + ContainerBroker.IMAGE);
        }
        String reason = "skipped: no Docker engine here, and " + context.getDisplayName()
                + " runs only against Testcontainers' " + ContainerBroker.IMAGE
                + " (the rest of the suite uses the embedded broker)";
        LOG.info(reason);
        return ConditionEvaluationResult.disabled(reason);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ContainerKafkaEnv.class;
    }

    @Override
    public ContainerKafkaEnv resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ContainerBroker broker = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(ContainerBroker.class, key -> startContainer(), ContainerBroker.class);
        return new ContainerKafkaEnv(broker.bootstrapServers(), ContainerBroker.IMAGE);
    }

    private static ContainerBroker startContainer() {
        ContainerBroker broker = ContainerBroker.start();
        LOG.info("Kafka for tests: testcontainers {} at {}", ContainerBroker.IMAGE, broker.bootstrapServers());
        return broker;
    }
}
