# Image of the service. Build the jar first: mvn -q -B -DskipTests package
# Start-up uses class-data sharing (Spring Boot's CDS recipe): the jar is extracted and a training run that stops
# right after the context refresh writes the archive. Measured: 26 s -> 14-16 s to ready (docs/performance.md). Not built here: no Docker engine.
FROM eclipse-temurin:17-jre
WORKDIR /app
COPY api-graphql/target/realname.jar /tmp/realname.jar
RUN java -Djarmode=tools -jar /tmp/realname.jar extract --destination /app \
    && rm /tmp/realname.jar \
    && java -XX:ArchiveClassesAtExit=/app/realname.jsa -Dspring.context.exit=onRefresh \
       -Drealname.data-dir=/tmp/cds-training -jar /app/realname.jar \
    && rm -rf /tmp/cds-training
RUN useradd --system --home /app realname && mkdir -p /app/var && chown realname /app/var
USER realname
EXPOSE 8080
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/realname.jsa", "-Xmx512m", "-jar", "/app/realname.jar"]
