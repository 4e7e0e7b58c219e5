# syntax=docker/dockerfile:1
# Build: a static binary (CGO_ENABLED=0; the embedded SQLite driver is pure Go).
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" -o /out/civicpact ./cmd/civicpact \
 && mkdir -p /out/data

# Run: distroless static, non-root, nothing but the binary.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/civicpact /usr/local/bin/civicpact
COPY --from=build --chown=65532:65532 /out/data /data
ENV CIVICPACT_ADDR=0.0.0.0:8080 \
    CIVICPACT_DATA=/data \
    CIVICPACT_LOG_FORMAT=json
VOLUME ["/data"]
EXPOSE 8080
USER 65532:65532
ENTRYPOINT ["/usr/local/bin/civicpact"]
CMD ["serve"]
