# Loopsmith, CPU: the web page, the HTTP and OSC APIs, and every command, on folders mounted from the host.
#   docker build -t loopsmith .
#   docker run --rm -p 127.0.0.1:8765:8765 -p 127.0.0.1:8766:8766/udp -v "$PWD/out:/out" loopsmith
#   docker run --rm -v "$PWD/library:/library:ro" -v "$PWD/out:/out" loopsmith generate "house beat" --out /out
# The -p lines bind the ports to 127.0.0.1 on the host: the page and the APIs stay on this computer, as with a native
# `serve`. Models: the bundled one is in the image; mount your own at /models (--model /models/mine.ckpt).
# BASE may name a Debian bookworm image built locally (scripts/docker-base.sh) where no registry is reachable.
ARG BASE=debian:bookworm-slim

FROM ${BASE} AS build
RUN apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
      openjdk-17-jdk-headless maven ca-certificates && rm -rf /var/lib/apt/lists/*
# A TLS-inspecting proxy's CA, where the build must go through one (docker/certs/README).
COPY docker/certs/ /usr/local/share/ca-certificates/
RUN update-ca-certificates >/dev/null 2>&1 || true
WORKDIR /src
# Dependencies first, so a source change does not download them again.
COPY pom.xml .
RUN mvn -q -B dependency:go-offline
COPY src src
RUN mvn -q -B -DskipTests package

FROM ${BASE}
RUN apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
      openjdk-17-jre-headless fluid-soundfont-gm libjemalloc2 && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 1000 loopsmith && mkdir -p /out /library /models && chown loopsmith /out /models
COPY --from=build /src/target/loopsmith.jar /opt/loopsmith/target/app/loopsmith.jar
COPY --from=build /src/target/lib /opt/loopsmith/target/app/lib
COPY models /opt/loopsmith/models
COPY recipes /opt/loopsmith/recipes
COPY docker/entrypoint.sh /opt/loopsmith/entrypoint.sh
USER loopsmith
WORKDIR /out
EXPOSE 8765 8766/udp
VOLUME ["/out", "/library", "/models"]
ENTRYPOINT ["/opt/loopsmith/entrypoint.sh"]
CMD ["serve"]
