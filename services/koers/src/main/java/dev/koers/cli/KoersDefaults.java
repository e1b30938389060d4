package dev.koers.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Fills an option the user did not give: first from the environment ({@code --data-dir} reads
 * {@code KOERS_DATA_DIR}), then from the properties file ({@code data-dir=...}), else the option's own default.
 */
final class KoersDefaults implements IDefaultValueProvider {

  private final Map<String, String> environment;
  private final Properties file;

  KoersDefaults() {
    this(System.getenv(), Path.of(System.getenv().getOrDefault("KOERS_CONFIG", "koers.properties")));
  }

  KoersDefaults(Map<String, String> environment, Path propertiesFile) {
    this.environment = environment;
    this.file = load(propertiesFile);
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    if (!(arg instanceof OptionSpec option)) {
      return arg.defaultValue();
    }
    String name = option.longestName().replaceFirst("^-+", "");
    String fromEnv = environment.get(environmentName(name));
    if (fromEnv != null) {
      return fromEnv;
    }
    String fromFile = file.getProperty(name);
    return fromFile != null ? fromFile : option.defaultValue();
  }

  static String environmentName(String optionName) {
    return "KOERS_" + optionName.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  private static Properties load(Path path) {
    Properties properties = new Properties();
    if (Files.isRegularFile(path)) {
      try (Reader reader = Files.newBufferedReader(path)) {
        properties.load(reader);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + path, e);
      }
    }
    return properties;
  }
}
