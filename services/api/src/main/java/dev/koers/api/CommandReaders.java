package dev.koers.api;

import dev.koers.schema.ActivityGroup;
import dev.koers.schema.Depth;
import dev.koers.schema.Perspective;
import dev.koers.schema.command.CommunicateDecision;
import dev.koers.schema.command.GiveFeedback;
import dev.koers.schema.command.HearPerspective;
import dev.koers.schema.command.MakeDecision;
import dev.koers.schema.command.OpenDecision;
import dev.koers.schema.command.ReviseDecision;
import dev.koers.schema.command.WithdrawDecision;
import java.util.Set;

/**
 * The body of each command route, read into its Avro command. Shape errors are 400s naming the field; the
 * domain's rules (lengths, ranges, states, times) are left to the ledger, which names the rule.
 */
final class CommandReaders {

  static final CommandSpec OPEN = new CommandSpec("open",
      Set.of("decisionId", "title", "context", "unit", "managerId", "activityGroup", "activity", "dueBy",
          "occurredAt"),
      body -> OpenDecision.newBuilder()
          .setTitle(body.requiredText("title"))
          .setContext(body.optionalText("context"))
          .setUnit(body.requiredText("unit"))
          .setManagerId(body.requiredText("managerId"))
          .setActivityGroup(body.requiredEnum("activityGroup", ActivityGroup.class))
          .setActivity(body.optionalText("activity"))
          .setDueBy(body.optionalInstant("dueBy"))
          .build(),
      Roles.MANAGING);

  static final CommandSpec HEAR = new CommandSpec("hearings",
      Set.of("perspective", "depth", "label", "summary", "occurredAt"),
      body -> HearPerspective.newBuilder()
          .setPerspective(body.requiredEnum("perspective", Perspective.class))
          .setDepth(body.requiredEnum("depth", Depth.class))
          .setLabel(body.optionalText("label"))
          .setSummary(body.optionalText("summary"))
          .build(),
      Roles.MANAGING);

  static final CommandSpec DECIDE = new CommandSpec("outcome",
      Set.of("outcome", "rationale", "usesPower", "occurredAt"),
      body -> MakeDecision.newBuilder()
          .setOutcome(body.requiredText("outcome"))
          .setRationale(body.optionalText("rationale"))
          .setUsesPower(body.optionalBoolean("usesPower", false))
          .build(),
      Roles.MANAGING);

  static final CommandSpec COMMUNICATE = new CommandSpec("communications",
      Set.of("audience", "channel", "occurredAt"),
      body -> CommunicateDecision.newBuilder()
          .setAudience(body.requiredEnumList("audience", Perspective.class))
          .setChannel(body.requiredText("channel"))
          .build(),
      Roles.MANAGING);

  static final CommandSpec REVISE = new CommandSpec("revisions",
      Set.of("reason", "outcome", "occurredAt"),
      body -> ReviseDecision.newBuilder()
          .setReason(body.requiredText("reason"))
          .setOutcome(body.requiredText("outcome"))
          .build(),
      Roles.MANAGING);

  static final CommandSpec WITHDRAW = new CommandSpec("withdrawal",
      Set.of("reason", "occurredAt"),
      body -> WithdrawDecision.newBuilder().setReason(body.requiredText("reason")).build(),
      Roles.MANAGING);

  static final CommandSpec FEEDBACK = new CommandSpec("feedback",
      Set.of("perspective", "label", "respondentId", "ratings", "comment", "occurredAt"),
      body -> {
        JsonBody ratings = body.optionalObject("ratings", Set.of("clarity", "speed", "heard", "addedValue"));
        return GiveFeedback.newBuilder()
            .setPerspective(body.requiredEnum("perspective", Perspective.class))
            .setRespondentId(body.requiredText("respondentId"))
            .setLabel(body.optionalText("label"))
            .setClarity(ratings == null ? null : ratings.optionalWholeNumber("clarity"))
            .setSpeed(ratings == null ? null : ratings.optionalWholeNumber("speed"))
            .setHeard(ratings == null ? null : ratings.optionalWholeNumber("heard"))
            .setAddedValue(ratings == null ? null : ratings.optionalWholeNumber("addedValue"))
            .setComment(body.optionalText("comment"))
            .build();
      },
      Roles.FEEDBACK);

  private CommandReaders() {}
}
