package dev.koers.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest, or "development" when run from classes. */
final class KoersVersion implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = KoersVersion.class.getPackage().getImplementationVersion();
    return new String[] {"koers " + (version == null ? "development" : version)};
  }
}
