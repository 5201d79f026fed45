package dev.archway.runtime;

/** Where the front door finds the custom domain name a request's {@code Host} names. Must not block. */
@FunctionalInterface
public interface DomainLookup {
  /** No custom domain names. */
  DomainLookup NONE = host -> null;

  /** @param host the {@code Host} header as sent (a port, upper case); null when the request has none */
  CustomDomain find(String host);
}
