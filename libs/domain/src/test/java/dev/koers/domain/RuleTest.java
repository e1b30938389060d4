package dev.koers.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("The rule catalogue")
class RuleTest {

  @Test
  void each_outcome_class_maps_to_its_http_status() {
    assertThat(Rule.DECISION_NOT_FOUND.httpStatus()).isEqualTo(404);
    assertThat(Rule.DECISION_ALREADY_EXISTS.httpStatus()).isEqualTo(409);
    assertThat(Rule.STALE_SEQUENCE.httpStatus()).isEqualTo(409);
    assertThat(Rule.DECISION_NOT_OPEN.httpStatus()).isEqualTo(409);
    assertThat(Rule.DECISION_NOT_DECIDED.httpStatus()).isEqualTo(409);
    assertThat(Rule.NOT_OWNING_MANAGER.httpStatus()).isEqualTo(403);
    assertThat(Rule.ROLE_NOT_ALLOWED.httpStatus()).isEqualTo(403);
    assertThat(Rule.RESPONDENT_MISMATCH.httpStatus()).isEqualTo(403);
    assertThat(Rule.TITLE_LENGTH.outcomeClass()).isEqualTo(Rule.OutcomeClass.UNPROCESSABLE);
    assertThat(Rule.OutcomeClass.UNPROCESSABLE.httpStatus()).isEqualTo(422);
  }

  @ParameterizedTest
  @EnumSource(Rule.class)
  void every_rule_is_documented_in_RULES_md_with_its_status(Rule rule) throws IOException {
    String rules = Files.readString(Path.of("../../docs/rules.md"));
    Pattern row = Pattern.compile("(?m)^\\| `" + rule.name() + "` \\| " + rule.httpStatus() + " .*\\|$");

    assertThat(rules).containsPattern(row);
    assertThat(rule.title()).isNotBlank();
  }
}
