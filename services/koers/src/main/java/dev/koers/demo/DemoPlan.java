package dev.koers.demo;

import dev.koers.schema.ActivityGroup;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Which stories the demo tells, from a seed alone: the same seed, run and moment give the same requests.
 * History stories open over the last {@code days} in real hours; live stories open now, an hour of story time
 * lasting {@link #LIVE_HOUR}, so that a dashboard watching sees a decision's life in a minute or two.
 */
public final class DemoPlan {

  static final Duration LIVE_HOUR = Duration.ofMillis(250);
  private static final int BAD_EVERY = 12;

  private final DemoCast cast;
  private final String runId;
  private final Random random;
  private final StoryWriter writer;
  private int told;

  public DemoPlan(DemoCast cast, long seed, String runId) {
    this.cast = cast;
    this.runId = runId;
    this.random = new Random(seed);
    this.writer = new StoryWriter(cast, random);
  }

  /**
   * The history: {@code decisions} stories opened at random over the {@code days} before {@code now}, plus
   * one each week for every manager who holds weekly customer dialogues. Each story is cut at {@code now}.
   */
  public List<List<DemoStep>> history(Instant now, int days, int decisions) {
    List<List<DemoStep>> stories = new ArrayList<>();
    if (days <= 0) {
      return stories;
    }
    Instant start = now.minus(Duration.ofDays(days)).truncatedTo(ChronoUnit.SECONDS);
    Instant firstMonday = start.atOffset(ZoneOffset.UTC).toLocalDate().with(DayOfWeek.MONDAY)
        .atStartOfDay().toInstant(ZoneOffset.UTC);
    for (DemoCast.Manager manager : cast.managers().stream().filter(DemoCast.Manager::weeklyDialogue).toList()) {
      // In every ISO week, Monday to Friday: the conversation is weekly on the calendar, not every seven days.
      for (Instant monday = firstMonday; monday.isBefore(now); monday = monday.plus(Duration.ofDays(7))) {
        Instant opened = monday.plusSeconds(8 * 3600 + random.nextInt(4 * 86400));
        if (!opened.isBefore(start) && opened.isBefore(now)) {
          stories.add(story(manager, ActivityGroup.INTERACTION, opened, Duration.ofHours(1), now));
        }
      }
    }
    for (int i = 0; i < decisions; i++) {
      Instant opened = start.plusSeconds((long) (random.nextDouble() * days * 86400L));
      stories.add(story(pick(), group(), opened, Duration.ofHours(1), now));
    }
    return stories;
  }

  /** A story that starts now and plays out in compressed time, for live traffic. */
  public List<DemoStep> live(Instant now) {
    return story(pick(), group(), now.truncatedTo(ChronoUnit.MILLIS), LIVE_HOUR, Instant.MAX);
  }

  private List<DemoStep> story(DemoCast.Manager manager, ActivityGroup group, Instant opened, Duration hour,
      Instant horizon) {
    told++;
    String id = "demo-" + runId + "-" + told;
    return writer.write(id, manager, group, opened, hour, horizon, told % BAD_EVERY == 0);
  }

  private DemoCast.Manager pick() {
    return cast.managers().get(random.nextInt(cast.managers().size()));
  }

  /** Uses of power are a quarter of the decisions, the other groups share the rest. */
  private ActivityGroup group() {
    double r = random.nextDouble();
    return r < 0.25 ? ActivityGroup.POWER : r < 0.5 ? ActivityGroup.INTERACTION
        : r < 0.75 ? ActivityGroup.CONTENT : ActivityGroup.OWN_ACTION;
  }
}
