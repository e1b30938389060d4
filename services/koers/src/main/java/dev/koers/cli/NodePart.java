package dev.koers.cli;

/** What a node runs: the embedded default runs all three; cluster mode spreads them over processes. */
enum NodePart {
  /** The ledger: the only writer of the log. */
  LEDGER,
  /** The commands of the HTTP API (needs a ledger somewhere in the installation). */
  COMMANDS
}
