package dev.archway.integration;

/** Where a backend's connections go: scheme, host and port; connections are pooled per origin. */
record Origin(boolean tls, String host, int port) {

  /** The Host header for requests to this origin: the port only when it is not the scheme's default. */
  String hostHeader() {
    boolean defaultPort = port == (tls ? 443 : 80);
    String name = host.indexOf(':') >= 0 ? "[" + host + "]" : host; // IPv6 literal
    return defaultPort ? name : name + ":" + port;
  }

  @Override
  public String toString() {
    return (tls ? "https://" : "http://") + hostHeader();
  }
}
