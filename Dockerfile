# Image of the service. Build the jar first: mvn -q -B -DskipTests package
# Start-up uses class-data sharing (Spring Boot's CDS recipe, deploy/cds-layout.sh, the one the benchmark measures):
# the jar is extracted and a training run that stops right after the context refresh writes the archive.
# Measured on two cores: 24-27 s -> 13-17.5 s to ready (docs/performance.md). Not built here: no Docker engine.
FROM eclipse-temurin:17-jre
WORKDIR /app
COPY api-graphql/target/realname.jar deploy/cds-layout.sh /tmp/
COPY deploy/healthcheck.sh /app/healthcheck.sh
# The JVM's options, written once: the training run that writes the archive starts the service as it will run.
# The parallel collector, named: in a container under 1,792 MB the JVM would pick the serial one, and on two cores G1
# peaked at 746-762 MB resident against 644-715 and took about 5% more CPU per command. Without its adaptive survivor
# policy: it tenured objects after one young collection and so filled the old generation 7 times as fast. The
# metaspace's first collection at 128 MB, not 21: each one grown through was a full pause of 184-216 ms in the
# first minute of service (docs/operations.md). Same as SERVICE_JVM in benchmark/service.sh.
ENV JDK_JAVA_OPTIONS="-Xmx384m -XX:+UseParallelGC -XX:-UsePSAdaptiveSurvivorSizePolicy -XX:MetaspaceSize=128m"
# Trained as the image runs, profile postgres: StandInDeployment starts a PostgreSQL of its own and makes throwaway
# keys for the run, then removes them.
RUN TRAINING=deployment bash /tmp/cds-layout.sh /tmp/realname.jar /app \
    && rm /tmp/realname.jar /tmp/cds-layout.sh /app/training.log
RUN useradd --system --home /app realname && mkdir -p /app/var && chown realname /app/var
USER realname
# A deployment, never a sandbox: without its database and providers' settings the service stops at start and names
# each missing one (docs/operations.md).
ENV SPRING_PROFILES_ACTIVE=postgres
# Metrics and probes on a port of their own, for the operators' network only (docs/operations.md, "Metrics").
ENV MANAGEMENT_SERVER_PORT=8081
EXPOSE 8080 8081
HEALTHCHECK --interval=10s --timeout=3s --start-period=90s --retries=3 CMD ["bash", "/app/healthcheck.sh"]
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/realname.jsa", "-jar", "/app/realname.jar"]
