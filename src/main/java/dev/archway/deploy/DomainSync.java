package dev.archway.deploy;

import dev.archway.model.v2.ApiMapping;
import dev.archway.model.v2.DomainName;
import dev.archway.runtime.CustomDomain;
import dev.archway.store.Change;
import dev.archway.store.Store;
import dev.archway.store.V2Kinds;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@link LiveDomains} equal to the store's custom domain names and their API (base path)
 * mappings: reloads them all on a worker thread whenever one changes, and publishes them in one swap.
 */
public final class DomainSync {
  private static final Logger LOG = LoggerFactory.getLogger(DomainSync.class);

  private final Store store;
  private final LiveDomains live;
  private final Rebuilds rebuilds;

  public DomainSync(Vertx vertx, Store store, LiveDomains live) {
    this.store = store;
    this.live = live;
    this.rebuilds = new Rebuilds(vertx, this::reload, LOG,
        "reloading custom domain names failed; the previous mappings stay in force");
  }

  /** Loads and publishes every domain name; completes when they are served. */
  public Future<Void> start() {
    store.onChange(this::changed);
    return rebuilds.request();
  }

  /** Completes when every change written so far is served. */
  public Future<Void> settled() {
    return rebuilds.settled();
  }

  private void changed(Change change) {
    // Everything: the store's feed came back from an outage, and what was written meanwhile was not heard.
    if (change.everything() || change.kind().equals(V2Kinds.DOMAIN_NAME) || change.kind().equals(V2Kinds.API_MAPPING)) {
      rebuilds.request();
    }
  }

  private void reload() {
    live.publish(store.read(docs -> {
      Map<String, CustomDomain> byName = new HashMap<>();
      for (DomainName domain : docs.listAll(V2Kinds.DOMAIN_NAME)) {
        String scope = docs.scopeOf(V2Kinds.DOMAIN_NAME, domain.domainName()).orElse(null);
        List<ApiMapping> mappings = scope == null ? List.of()
            : docs.list(V2Kinds.API_MAPPING, V2Kinds.mappingScope(scope, domain.domainName()));
        byName.put(domain.domainName(), new CustomDomain(domain.domainName(), mappings.stream()
            .map(m -> new CustomDomain.Mapping(m.apiMappingKey(), m.apiId(), m.stage())).toList()));
      }
      return byName;
    }));
  }

  @Override
  public String toString() {
    return "DomainSync(" + live + ")";
  }
}
