package dev.koers.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class UniqueNamesTest {

    private static final String LEGAL_TOPIC_NAME = "[a-zA-Z0-9._-]{1,249}";

    @Test
    void namesStartWithTheBaseAndNeverRepeat() {
        Set<String> names = IntStream.range(0, 10_000)
                .mapToObj(i -> UniqueNames.next("decisions"))
                .collect(Collectors.toSet());

        assertThat(names).hasSize(10_000).allMatch(name -> name.matches("decisions-[0-9a-f]{16}"));
    }

    @Test
    void charactersKafkaRejectsAreReplaced() {
        assertThat(UniqueNames.next("ledger events/v1:öffnen")).matches("ledger-events-v1--ffnen-[0-9a-f]{16}");
    }

    @Test
    void longBasesAreCutToFitTheTopicNameLimit() {
        assertThat(UniqueNames.next("x".repeat(500))).matches(LEGAL_TOPIC_NAME);
    }
}
