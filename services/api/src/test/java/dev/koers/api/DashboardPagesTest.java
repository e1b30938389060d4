package dev.koers.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.koers.api.auth.TokenSettings;
import dev.koers.api.auth.TokenVerifier;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pages come from the jar: every script and stylesheet they name is served here, none from elsewhere. */
class DashboardPagesTest {

  private static final Pattern LINKS = Pattern.compile("(?:src|href)=\"([^\"]+)\"");
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static ApiServer server;

  @BeforeAll
  static void start() {
    ViewAccess noViews = (ViewAccess) Proxy.newProxyInstance(ViewAccess.class.getClassLoader(),
        new Class<?>[] {ViewAccess.class}, (proxy, method, args) -> {
          throw new UnsupportedOperationException("the pages read no views");
        });
    server = ApiServer.start(new ApiSettings("127.0.0.1", 0), new ApiBackends(
        new TokenVerifier(TokenSettings.local("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8))),
        null, noViews, List::of, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), null));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void theDashboardIsServedAtTheRootWithoutAToken() throws Exception {
    HttpResponse<String> page = get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(page.body()).contains("<label for=\"token-input\">Access token</label>");
    assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
        assertThat(csp).contains("script-src 'self'").contains("connect-src 'self'"));
  }

  @Test
  void everyAssetOfThePagesIsServedFromThisOrigin() throws Exception {
    List<String> assets = new ArrayList<>();
    for (String page : List.of("/", "/api/docs")) {
      Matcher links = LINKS.matcher(get(page).body());
      while (links.find()) {
        assets.add(links.group(1));
      }
    }
    assertThat(assets).contains("/webjars/uplot/1.6.30/dist/uPlot.iife.min.js",
        "/webjars/swagger-ui/5.35.0/swagger-ui-bundle.js", "/dashboard/dashboard.js", "/dashboard/sse.js");
    for (String asset : assets) {
      if (asset.startsWith("#") || asset.startsWith("data:")) { // an anchor, or the empty icon inline
        continue;
      }
      assertThat(asset).as("no other origin").startsWith("/").doesNotStartWith("//");
      HttpResponse<String> answer = get(asset);
      assertThat(answer.statusCode()).as(asset).isEqualTo(200);
    }
  }

  @Test
  void swaggerUiReadsTheServedContract() throws Exception {
    assertThat(get("/api/docs").body()).contains("swagger-ui");
    assertThat(get("/dashboard/api-docs.js").body()).contains("url: '/api/v1/openapi.json'");
    assertThat(get("/api/v1/openapi.json").statusCode()).isEqualTo(200);
  }

  @Test
  void noFileOutsideTheWebFolderIsServed() throws Exception {
    assertThat(get("/dashboard/../openapi.json").statusCode()).isNotEqualTo(200);
    assertThat(get("/dashboard/%2e%2e/openapi.json").statusCode()).isNotEqualTo(200);
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
