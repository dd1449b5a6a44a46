# Image of the service. Build the jar first: mvn -q -B -DskipTests package
FROM eclipse-temurin:17-jre
WORKDIR /app
COPY api-graphql/target/realname.jar /app/realname.jar
RUN useradd --system --home /app realname && mkdir -p /app/var && chown realname /app/var
USER realname
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/realname.jar"]
