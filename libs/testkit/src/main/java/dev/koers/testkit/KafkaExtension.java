package dev.koers.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves {@link KafkaTestEnv} parameters (constructor, lifecycle and test methods). The broker behind it is
 * started on first use and shared by every test class of the test JVM: it lives in the root context's store,
 * which closes it when the test run ends.
 */
public final class KafkaExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KafkaExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == KafkaTestEnv.class;
    }

    @Override
    public KafkaTestEnv resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return extensionContext.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(SharedKafka.class, key -> SharedKafka.start(), SharedKafka.class)
                .env();
    }
}
