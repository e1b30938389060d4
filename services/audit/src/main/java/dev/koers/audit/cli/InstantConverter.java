package dev.koers.audit.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads an instant as ISO-8601 with an offset ({@code 2026-03-02T10:00:00+01:00}, {@code ...Z}) or as a date
 * (its UTC midnight).
 */
public final class InstantConverter implements ITypeConverter<Instant> {

  @Override
  public Instant convert(String value) {
    try {
      if (value.length() == 10) {
        return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
      }
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new TypeConversionException("'" + value + "' is not an instant such as 2026-03-02T10:00:00Z, "
          + "2026-03-02T11:00:00+01:00 or a date such as 2026-03-02");
    }
  }
}
