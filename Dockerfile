# Koers in a container: built with Maven, run on a JRE as a non-root user (docker-compose.yml uses it).
#   docker build -t koers:0.1.0 .
#   docker run --rm koers:0.1.0 --help

FROM maven:3.9.11-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -ntp -DskipTests -pl services/koers -am package

FROM eclipse-temurin:17.0.16_8-jre
RUN groupadd --system --gid 10001 koers \
    && useradd --system --uid 10001 --gid koers --home-dir /var/lib/koers --shell /usr/sbin/nologin koers \
    && mkdir -p /var/lib/koers /opt/koers/bin \
    && chown koers:koers /var/lib/koers
COPY --from=build /src/services/koers/target/koers.jar /opt/koers/koers.jar
COPY --from=build /src/services/koers/target/lib/ /opt/koers/lib/
COPY bin/healthcheck /opt/koers/bin/healthcheck
COPY bin/audit-jvm-options /opt/koers/bin/audit-jvm-options
USER koers
WORKDIR /var/lib/koers
ENV KOERS_JAVA_OPTS="-XX:MaxRAMPercentage=75"
# A shell form would not pass SIGTERM on to the JVM: exec it, so 'docker stop' closes Koers cleanly.
ENTRYPOINT ["/bin/sh", "-c", "exec java $KOERS_JAVA_OPTS -jar /opt/koers/koers.jar \"$@\"", "koers"]
CMD ["--help"]
