package dev.archway.cluster;

import dev.archway.store.Change;
import dev.archway.store.Documents;
import dev.archway.store.JdbcStore;
import dev.archway.store.Store;
import dev.archway.store.StoreException;
import dev.archway.store.StoreSnapshot;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configuration the data plane reads (stages, API keys, usage plans, quota counts): the shared
 * database while it answers, else the last snapshot of it in the data directory (AWS-BEHAVIOUR §B:
 * a node keeps serving what it last knew, also after a restart). The snapshot is rewritten on a
 * worker thread a second after the configuration changes, and when the database comes back.
 * Writes always go to the database: while it is away they fail as unavailable.
 */
public final class LastKnownConfig implements Store {
  private static final Logger log = LoggerFactory.getLogger(LastKnownConfig.class);
  /** Changes that alter what nodes serve; quota counts and log streams change all the time and only ride along. */
  private static final Set<String> SERVED = Set.of("restapi", "stage", "deployment", "deployedapi", "apikey", "usageplan",
      "usageplankey", "account", "v2api", "v2stage", "v2deployedapi", "v2domainname", "v2apimapping");
  private static final long SAVE_DELAY_MILLIS = 1000;

  private final Vertx vertx;
  private final JdbcStore database;
  private final Path file;
  private final AtomicBoolean saveScheduled = new AtomicBoolean();
  private volatile JdbcStore snapshot;
  private volatile boolean saveFailing;

  LastKnownConfig(Vertx vertx, JdbcStore database, Path file) {
    this.vertx = vertx;
    this.database = database;
    this.file = file;
  }

  /** Where a node keeps its snapshot. */
  public static Path file(Path dataDir) {
    return dataDir.resolve("store.snapshot");
  }

  /**
   * Starts keeping the snapshot. While the database cannot be reached the snapshot is loaded now,
   * so a missing or corrupt one fails the start (naming why) instead of serving nothing or half.
   */
  void start() {
    database.onChange(this::changed);
    if (database.reachable()) {
      saveSoon();
    } else {
      served();
    }
  }

  @Override
  public <T> T read(Function<Documents, T> work) {
    if (database.reachable()) {
      try {
        T result = database.read(work);
        forgetSnapshot();
        return result;
      } catch (StoreException e) {
        if (!e.unavailable()) {
          throw e;
        }
      }
    }
    return served().read(work);
  }

  @Override
  public <T> T write(Function<Documents, T> work) {
    return database.write(work);
  }

  @Override
  public void onChange(Consumer<Change> listener) {
    database.onChange(listener);
  }

  /** Whether what is read now comes from the snapshot. */
  public boolean stale() {
    return !database.reachable();
  }

  @Override
  public void close() {
    forgetSnapshot();
  }

  private synchronized JdbcStore served() {
    if (snapshot == null) {
      if (!Files.exists(file)) {
        throw StoreException.unavailable("PostgreSQL, and there is no snapshot of the configuration in " + file);
      }
      snapshot = StoreSnapshot.read(file);
      log.warn("store: PostgreSQL unreachable; serving the configuration of the snapshot {} until it answers", file);
    }
    return snapshot;
  }

  private synchronized void forgetSnapshot() {
    if (snapshot != null) {
      snapshot.close();
      snapshot = null;
    }
  }

  private void changed(Change change) {
    if (change.everything() || SERVED.contains(change.kind().name())) {
      saveSoon();
    }
  }

  /** One save a second at most, on a worker thread; changes meanwhile are in it. */
  private void saveSoon() {
    if (!saveScheduled.compareAndSet(false, true)) {
      return;
    }
    vertx.setTimer(SAVE_DELAY_MILLIS, id -> vertx.executeBlocking(() -> {
      saveScheduled.set(false);
      save();
      return null;
    }, false));
  }

  private void save() {
    try {
      int documents = StoreSnapshot.write(database, file);
      if (saveFailing) {
        log.info("store: snapshot {} written again ({} documents)", file, documents);
        saveFailing = false;
      }
    } catch (StoreException e) {
      if (!saveFailing) {
        log.warn("store: the snapshot {} could not be written ({}); the last one stays", file, e.getMessage());
        saveFailing = true;
      }
    }
  }

  @Override
  public String toString() {
    return "LastKnownConfig(" + database + ", " + file + (snapshot == null ? "" : ", serving the snapshot") + ")";
  }
}
