package dev.koers.cli;

import dev.koers.domain.metrics.Anonymity;
import picocli.CommandLine.Option;

/** How the views show scores: groups smaller than K respondents are withheld everywhere. */
final class ViewOptions {

  @Option(names = "--min-respondents", defaultValue = "3", description = "K: score groups with fewer distinct respondents are withheld (default: ${DEFAULT-VALUE}).")
  int minRespondents;

  Anonymity anonymity() {
    return new Anonymity(minRespondents);
  }
}
