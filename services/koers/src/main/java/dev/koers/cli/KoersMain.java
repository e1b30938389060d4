package dev.koers.cli;

import dev.koers.wire.AvroDefaults;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code koers} command. */
@Command(name = "koers", mixinStandardHelpOptions = true, versionProvider = KoersVersion.class,
    description = {
        "Koers: an event-sourced decision log on Kafka.",
        "Managers record their decisions, stakeholders give feedback, and Kafka Streams keeps the views.",
        "",
        "Options also come from environment variables (KOERS_<OPTION>, e.g. KOERS_PORT) and from a properties",
        "file (./koers.properties or KOERS_CONFIG), in that order of precedence: flag, environment, file, default."},
    subcommands = {UpCommand.class, LedgerCommand.class, ViewsCommand.class, ApiCommand.class,
        TopicsCommand.class, AuditCommand.class, DemoCommand.class, TokenCommand.class, CommandLine.HelpCommand.class})
public final class KoersMain {

  public static void main(String[] args) {
    AvroDefaults.apply();
    System.exit(commandLine().execute(args));
  }

  static CommandLine commandLine() {
    return new CommandLine(new KoersMain()).setDefaultValueProvider(new KoersDefaults())
        .setExecutionExceptionHandler(new ErrorReport());
  }
}
