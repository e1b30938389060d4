package dev.koers.cli;

import picocli.CommandLine.Mixin;

/** Everything a clustered node ('koers api', 'koers views') is told: cluster, HTTP, tokens, views, streams. */
final class ClusteredNodeOptions {

  @Mixin
  ClusterOptions cluster = new ClusterOptions();

  @Mixin
  HttpOptions http = new HttpOptions();

  @Mixin
  TokenOptions tokens = new TokenOptions();

  @Mixin
  ViewOptions views = new ViewOptions();

  @Mixin
  StreamOptions streams = new StreamOptions();
}
