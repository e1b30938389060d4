package dev.koers.cli;

import picocli.CommandLine.Command;

@Command(name = "token", mixinStandardHelpOptions = true,
    description = {"Mints a bearer token for local use, signed with the key kept in the data directory.",
        "Not built yet in this version: until then the API treats every caller as the local administrator."})
final class TokenCommand extends NotBuiltYet {
  TokenCommand() {
    super("'koers token'");
  }
}
