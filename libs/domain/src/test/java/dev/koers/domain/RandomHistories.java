package dev.koers.domain;

import dev.koers.schema.Depth;
import dev.koers.schema.Perspective;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;

/** Random command sequences for property tests, reproducible from a seed. */
final class RandomHistories {

  private static final List<Perspective> PERSPECTIVES = List.of(Perspective.values());
  private static final List<Perspective> CORE_PERSPECTIVES =
      List.of(Perspective.CUSTOMER, Perspective.EMPLOYEE, Perspective.ORGANIZATION);
  private static final List<Depth> DEPTHS = List.of(Depth.values());
  private static final List<String> RESPONDENTS = List.of("r-1", "r-2", "r-3");

  private final Random random;

  RandomHistories(long seed) {
    this.random = new Random(seed);
  }

  /** Hearings, then maybe a withdrawal or a decision followed by communications, revisions and feedback. */
  List<SpecificRecord> valid() {
    List<SpecificRecord> history = new ArrayList<>();
    for (int i = random.nextInt(6); i > 0; i--) {
      history.add(hearing());
    }
    int ending = random.nextInt(3);
    if (ending == 1) {
      history.add(Fixtures.withdraw());
    } else if (ending == 2) {
      history.add(Fixtures.decide());
      for (int i = random.nextInt(9); i > 0; i--) {
        history.add(afterDecision());
      }
    }
    return history;
  }

  /** Any commands in any order, most of which the rules will reject. */
  List<SpecificRecord> any() {
    List<SpecificRecord> commands = new ArrayList<>();
    for (int i = random.nextInt(16); i > 0; i--) {
      commands.add(switch (random.nextInt(4)) {
        case 0 -> hearing();
        case 1 -> Fixtures.decide();
        case 2 -> Fixtures.withdraw();
        default -> afterDecision();
      });
    }
    return commands;
  }

  /** A while between two submissions: up to three days, sometimes none. */
  Duration gap() {
    return random.nextInt(5) == 0 ? Duration.ZERO : Duration.ofMillis(random.nextLong(Duration.ofDays(3).toMillis()));
  }

  private SpecificRecord hearing() {
    Perspective perspective = pick(PERSPECTIVES);
    Depth depth = pick(DEPTHS);
    return Fixtures.hear(c -> {
      c.setPerspective(perspective);
      c.setDepth(depth);
      c.setLabel(perspective == Perspective.OTHER ? "suppliers" : null);
    });
  }

  private SpecificRecord afterDecision() {
    return switch (random.nextInt(3)) {
      case 0 -> communication();
      case 1 -> Fixtures.revise();
      default -> feedback();
    };
  }

  private SpecificRecord communication() {
    Set<Perspective> audience = EnumSet.of(pick(PERSPECTIVES));
    for (int i = random.nextInt(PERSPECTIVES.size()); i > 0; i--) {
      audience.add(pick(PERSPECTIVES));
    }
    return Fixtures.communicate(audience.toArray(Perspective[]::new));
  }

  private SpecificRecord feedback() {
    String respondent = pick(RESPONDENTS);
    Perspective perspective = pick(CORE_PERSPECTIVES);
    int clarity = 1 + random.nextInt(5);
    Integer addedValue = random.nextBoolean() ? null : 1 + random.nextInt(5);
    return Fixtures.giveFeedback(c -> {
      c.setRespondentId(respondent);
      c.setPerspective(perspective);
      c.setClarity(clarity);
      c.setAddedValue(addedValue);
    });
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
