package dev.koers.domain.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.koers.schema.ActivityGroup;
import dev.koers.schema.Perspective;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Summing many aggregates in one go ({@link MetricsAggregate#sum}, {@link MetricsReplay#aggregate}) gives
 * exactly what adding them with {@link MetricsAggregate#plus} gives, pairwise as the replay used to, or one by
 * one as the views do: equal records, equal hash codes and the same JSON, negative counts and cancellations
 * included.
 */
class SumEqualsPairwisePlusTest {

  private static final long SEED = 20_260_302L;
  private static final List<String> RESPONDENTS = List.of("r-1", "r-10", "r-2", "r-3", "r-4", "r-5", "r-6", "r-7");
  private static final List<String> WEEKS = List.of("2025-W52", "2026-W01", "2026-W02", "2026-W53", "2027-W01");
  private static final List<Long> VALUES = List.of(0L, 1L, 59L, 2047L, 2048L, 4_000L, 86_400L, 1_000_000L);

  @Test
  void one_go_equals_pairwise_and_one_by_one_on_random_terms() {
    Random random = new Random(SEED);
    for (int run = 0; run < 2_000; run++) {
      int size = switch (run % 4) {
        case 0 -> random.nextInt(3); // none, one or two terms
        case 1 -> random.nextInt(12);
        default -> random.nextInt(60);
      };
      List<MetricsAggregate> terms = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        terms.add(term(random));
      }

      MetricsAggregate sum = MetricsAggregate.sum(terms);

      assertSame(sum, pairwise(terms), "run " + run);
      assertSame(sum, oneByOne(terms), "run " + run);
      List<MetricsAggregate> shuffled = new ArrayList<>(terms);
      Collections.shuffle(shuffled, random);
      assertSame(MetricsAggregate.sum(shuffled), sum, "run " + run + " shuffled");
    }
  }

  @Test
  void no_term_sums_to_zero_and_one_term_to_itself() {
    Random random = new Random(SEED + 1);
    assertThat(MetricsAggregate.sum(List.of())).isEqualTo(MetricsAggregate.ZERO);
    assertThat(MetricsAggregate.sum(List.of()).zero()).isTrue();
    for (int run = 0; run < 100; run++) {
      MetricsAggregate term = term(random);
      assertSame(MetricsAggregate.sum(List.of(term)), term, "run " + run);
      assertSame(MetricsAggregate.sum(List.of(term, MetricsAggregate.ZERO)), term, "run " + run + " and zero");
    }
  }

  @Test
  void terms_and_their_opposites_sum_to_exactly_zero() {
    Random random = new Random(SEED + 2);
    for (int run = 0; run < 200; run++) {
      List<MetricsAggregate> terms = new ArrayList<>();
      for (int i = random.nextInt(20); i >= 0; i--) {
        MetricsAggregate term = term(random);
        terms.add(term);
        terms.add(MetricsAggregate.ZERO.minus(term));
      }
      Collections.shuffle(terms, random);

      MetricsAggregate sum = MetricsAggregate.sum(terms);

      assertSame(sum, MetricsAggregate.ZERO, "run " + run);
      assertThat(sum.zero()).isTrue();
    }
  }

  @Test
  void the_replay_equals_pairwise_plus_of_every_decision_contributions() {
    for (long seed = 1; seed <= 6; seed++) {
      List<DecisionFacts> decisions =
          new ArrayList<>(MetricsReplay.fold(RandomLog.generate(seed, 1_500, 5, 7)).values());
      Collections.shuffle(decisions, new Random(seed));
      for (Collection<DecisionFacts> some : List.of(decisions, decisions.subList(0, 1), decisions.subList(0, 40),
          List.<DecisionFacts>of())) {
        SortedMap<AggregateKey, MetricsAggregate> replayed = MetricsReplay.aggregate(some);
        SortedMap<AggregateKey, MetricsAggregate> expected = pairwisePerKey(some);

        assertThat(replayed).isEqualTo(expected);
        assertThat(replayed.hashCode()).isEqualTo(expected.hashCode());
        assertThat(StoreJson.text(replayed)).isEqualTo(StoreJson.text(expected));
      }
    }
  }

  @Test
  void counts_built_in_one_go_are_the_sorted_maps_they_always_were() {
    Random random = new Random(SEED + 3);
    for (int run = 0; run < 500; run++) {
      Map<String, Long> given = new HashMap<>();
      for (int i = random.nextInt(8); i > 0; i--) {
        given.put(pick(random, RESPONDENTS), (long) random.nextInt(5) - 2);
      }
      TreeMap<String, Long> sorted = new TreeMap<>(given);
      sorted.values().removeIf(count -> count == 0);
      Map<String, Long> before = Collections.unmodifiableSortedMap(sorted);
      Multiset one = new Multiset(given);
      Multiset summed = MetricsAggregate.sum(List.of(MetricsAggregate.ZERO, MetricsAggregate.ofCounts(Counts.ZERO),
          new MetricsAggregate(null, null, null, null, one))).dialogueWeeks();

      for (Map<String, Long> counts : List.of(one.counts(), summed.counts())) {
        assertThat(counts).isEqualTo(before);
        assertThat(before).isEqualTo(counts);
        assertThat(counts.hashCode()).isEqualTo(before.hashCode());
        assertThat(counts.toString()).isEqualTo(before.toString());
        assertThat(new ArrayList<>(counts.entrySet())).isEqualTo(new ArrayList<>(before.entrySet()));
        assertThat(StoreJson.text(counts)).isEqualTo(StoreJson.text(before));
        before.keySet().forEach(key -> assertThat(counts.get(key)).isEqualTo(before.get(key)));
        assertThat(counts.containsKey("r-0")).isEqualTo(before.containsKey("r-0"));
      }
      assertThat(StoreJson.roundTrip(one, Multiset.class)).isEqualTo(one);
    }
  }

  /** Adds every term in one balanced tree of {@link MetricsAggregate#plus}, as the replay did before. */
  private static MetricsAggregate pairwise(List<MetricsAggregate> terms) {
    List<MetricsAggregate> level = terms;
    while (level.size() > 1) {
      List<MetricsAggregate> up = new ArrayList<>();
      for (int i = 0; i + 1 < level.size(); i += 2) {
        up.add(level.get(i).plus(level.get(i + 1)));
      }
      if (level.size() % 2 == 1) {
        up.add(level.get(level.size() - 1));
      }
      level = up;
    }
    return level.isEmpty() ? MetricsAggregate.ZERO : level.get(0);
  }

  /** As a view does: one term at a time. */
  private static MetricsAggregate oneByOne(List<MetricsAggregate> terms) {
    MetricsAggregate sum = MetricsAggregate.ZERO;
    for (MetricsAggregate term : terms) {
      sum = sum.plus(term);
    }
    return sum;
  }

  /** The replay before: every decision's contributions grouped by key, each key summed pairwise. */
  private static SortedMap<AggregateKey, MetricsAggregate> pairwisePerKey(Collection<DecisionFacts> decisions) {
    Map<AggregateKey, List<MetricsAggregate>> deltas = decisions.stream()
        .flatMap(decision -> Contributions.of(decision).stream())
        .collect(Collectors.groupingBy(Contribution::key, Collectors.mapping(Contribution::delta,
            Collectors.toList())));
    SortedMap<AggregateKey, MetricsAggregate> sums = new TreeMap<>();
    deltas.forEach((key, terms) -> sums.put(key, pairwise(terms)));
    return sums;
  }

  private static void assertSame(MetricsAggregate actual, MetricsAggregate expected, String what) {
    assertThat(actual).as(what).isEqualTo(expected);
    assertThat(expected).as(what).isEqualTo(actual);
    assertThat(actual.hashCode()).as(what).isEqualTo(expected.hashCode());
    assertThat(StoreJson.text(actual)).as(what).isEqualTo(StoreJson.text(expected));
    assertThat(actual.zero()).as(what).isEqualTo(expected.zero());
    assertThat(StoreJson.roundTrip(actual, MetricsAggregate.class)).as(what).isEqualTo(expected);
  }

  /** A sparse random aggregate, sometimes negated or a difference, so that counts go negative and cancel. */
  private static MetricsAggregate term(Random random) {
    MetricsAggregate term = new MetricsAggregate(
        random.nextInt(3) == 0 ? null : new Counts(small(random), small(random), small(random), small(random),
            small(random)),
        random.nextInt(2) == 0 ? null : decided(random),
        random.nextInt(3) == 0 ? histogram(random) : null,
        random.nextInt(2) == 0 ? feedback(random) : null,
        random.nextInt(3) == 0 ? multiset(random, WEEKS) : null);
    return switch (random.nextInt(6)) {
      case 0 -> MetricsAggregate.ZERO.minus(term);
      case 1 -> term.minus(feedbackOnly(random));
      case 2 -> MetricsAggregate.ZERO;
      default -> term;
    };
  }

  private static MetricsAggregate feedbackOnly(Random random) {
    return new MetricsAggregate(null, null, null, feedback(random), null);
  }

  private static DecidedTotals decided(Random random) {
    Map<Perspective, CoverageTotals> coverage = new EnumMap<>(Perspective.class);
    for (Perspective perspective : Perspective.values()) {
      if (random.nextBoolean()) {
        coverage.put(perspective, new CoverageTotals(small(random), small(random)));
      }
    }
    Map<Balance, Long> balance = new EnumMap<>(Balance.class);
    balance.put(pick(random, List.of(Balance.values())), small(random));
    return new DecidedTotals(histogram(random), small(random), small(random), small(random), coverage, balance,
        small(random), small(random));
  }

  private static FeedbackTotals feedback(Random random) {
    Map<Perspective, ScoreTotals> byPerspective = new EnumMap<>(Perspective.class);
    byPerspective.put(pick(random, List.of(Perspective.values())), scores(random));
    Map<ActivityGroup, GapTotals> gaps = new EnumMap<>(ActivityGroup.class);
    gaps.put(pick(random, List.of(ActivityGroup.values())),
        new GapTotals(random.nextBoolean() ? scores(random) : null, random.nextBoolean() ? scores(random) : null));
    return new FeedbackTotals(scores(random), byPerspective, gaps);
  }

  private static ScoreTotals scores(Random random) {
    return new ScoreTotals(multiset(random, RESPONDENTS), new RatingTotals(small(random), small(random),
        small(random), small(random), small(random), small(random), small(random), small(random)));
  }

  private static ValueHistogram histogram(Random random) {
    Map<Long, Long> counts = new HashMap<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      counts.merge(ValueHistogram.bucket(pick(random, VALUES) + random.nextInt(3)), small(random), Long::sum);
    }
    return new ValueHistogram(counts);
  }

  private static Multiset multiset(Random random, List<String> elements) {
    Map<String, Long> counts = new HashMap<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      counts.merge(pick(random, elements), small(random), Long::sum);
    }
    return new Multiset(counts);
  }

  /** -2..3: mostly small positive, sometimes zero or negative. */
  private static long small(Random random) {
    return random.nextInt(6) - 2;
  }

  private static <T> T pick(Random random, List<T> from) {
    return from.get(random.nextInt(from.size()));
  }
}
