# Archway in a container: the README's build, then the README's command on a JRE.
#   docker build -t archway .
#   docker run -p 8080:8080 -p 8081:8081 -v archway-data:/var/lib/archway archway
# Flags go after the image name (docker run ... archway serve --store postgresql://...), or as
# ARCHWAY_* environment variables. deploy/compose.yaml runs three nodes on PostgreSQL and Redis.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
# Dependencies first: a change of the sources alone reuses this layer.
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
RUN ./mvnw -B -q dependency:go-offline
COPY src/ src/
RUN ./mvnw -B -q -o -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --no-create-home --home-dir /var/lib/archway archway \
    && mkdir -p /var/lib/archway && chown archway /var/lib/archway
WORKDIR /opt/archway
COPY bin/archway bin/archway
COPY --from=build /src/target/archway.jar target/archway.jar
# Listen on every interface of the container; the data directory is a volume (SQLite, or the
# snapshot a node of many serves while PostgreSQL is away).
ENV ARCHWAY_HOST=0.0.0.0 \
    ARCHWAY_ADMIN_HOST=0.0.0.0 \
    ARCHWAY_DATA_DIR=/var/lib/archway
VOLUME /var/lib/archway
EXPOSE 8080 8081
USER archway
# SIGTERM (docker stop) drains requests in flight for --drain-timeout: give docker stop -t more than that.
STOPSIGNAL SIGTERM
ENTRYPOINT ["bin/archway"]
CMD ["serve"]
