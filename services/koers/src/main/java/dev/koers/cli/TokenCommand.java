package dev.koers.cli;

import dev.koers.api.auth.Principal;
import dev.koers.api.auth.TokenMinter;
import dev.koers.schema.Perspective;
import dev.koers.schema.Role;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "token", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Mints a bearer token for local use, signed with the key kept in the data directory (HS256; 'koers up' creates the key on its first start). Prints the token alone, for scripts:",
        "",
        "  curl -H \"Authorization: Bearer $(bin/koers token --role manager --manager-id m-anna)\" ...",
        "",
        "Roles: manager (bound to --manager-id), stakeholder (bound to --respondent-id and --perspective, or --survey-tool), auditor, viewer, admin."})
final class TokenCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--role", required = true, description = "manager, stakeholder, auditor, viewer or admin.")
  String role;

  @Option(names = "--manager-id", description = "The manager a manager token is bound to (required for --role manager).")
  String managerId;

  @Option(names = "--respondent-id", description = "The respondent a stakeholder token is bound to (with --perspective).")
  String respondentId;

  @Option(names = "--perspective", description = "The perspective a stakeholder token gives feedback from: CUSTOMER, EMPLOYEE, ORGANIZATION or OTHER (with --respondent-id).")
  String perspective;

  @Option(names = "--survey-tool", description = "A stakeholder token for a survey tool, which names each respondent and perspective in the request body instead.")
  boolean surveyTool;

  @Option(names = "--subject", description = "Who the token is for (default: derived from the role and binding).")
  String subject;

  @Option(names = "--ttl", defaultValue = "8h", description = "How long the token is valid, e.g. 30m, 8h, 7d (default: ${DEFAULT-VALUE}; at most --max-ttl).")
  String ttl;

  @Option(names = "--max-ttl", defaultValue = "24h", description = "The longest lifetime this command mints (default: ${DEFAULT-VALUE}); set it in KOERS_MAX_TTL or koers.properties.")
  String maxTtl;

  @Option(names = "--data-dir", defaultValue = "data", description = "Where 'koers up' keeps its data and key (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Override
  public Integer call() {
    Role parsed = parseRole();
    if (parsed == Role.MANAGER && managerId == null) {
      throw new ParameterException(spec.commandLine(), "--role manager needs --manager-id");
    }
    Perspective bound = parsed == Role.STAKEHOLDER ? stakeholderBinding() : null;
    Duration lifetime = TokenLifetime.check(Durations.parse(ttl), Durations.parse(maxTtl), "--ttl", "--max-ttl");
    String who = subject != null ? subject
        : parsed == Role.MANAGER ? managerId
        : respondentId != null ? respondentId
        : "local-" + parsed.name().toLowerCase(Locale.ROOT);
    TokenMinter minter = LocalKey.minter(dataDir);
    String boundRespondent = parsed == Role.STAKEHOLDER ? respondentId : null;
    spec.commandLine().getOut().println(minter.mint(new Principal(who, parsed, managerId, boundRespondent, bound),
        lifetime, Instant.now()));
    return 0;
  }

  /** A stakeholder speaks as one respondent from one perspective; only a survey tool names them per request. */
  private Perspective stakeholderBinding() {
    if (surveyTool) {
      if (respondentId != null || perspective != null) {
        throw new ParameterException(spec.commandLine(),
            "--survey-tool names no respondent or perspective; leave out --respondent-id and --perspective");
      }
      return null;
    }
    if (respondentId == null || perspective == null) {
      throw new ParameterException(spec.commandLine(), "--role stakeholder needs --respondent-id and "
          + "--perspective (or --survey-tool for a survey tool that names them in each request)");
    }
    try {
      return Perspective.valueOf(perspective.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(),
          "unknown perspective '" + perspective + "'; use CUSTOMER, EMPLOYEE, ORGANIZATION or OTHER");
    }
  }

  private Role parseRole() {
    try {
      return Role.valueOf(role.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(),
          "unknown role '" + role + "'; use manager, stakeholder, auditor, viewer or admin");
    }
  }
}
