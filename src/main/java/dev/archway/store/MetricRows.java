package dev.archway.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Typed access to the CloudWatch metric tables inside one transaction: series (a metric with one
 * set of dimensions, in an account and region) and their aggregated points per resolution. Plain
 * SQL that SQLite and PostgreSQL both accept, like {@link Documents}.
 */
public final class MetricRows {
  /** A metric with one dimension set: {@code dimensions} is its canonical JSON; {@code lastSeen} epoch ms. */
  public record Series(long id, String namespace, String metricName, String dimensions, long lastSeen) {}

  /** The aggregate of a series over [start, start + resolution) seconds, for one unit. */
  public record Point(long seriesId, int resolution, long start, String unit, double sampleCount, double sum,
      double minimum, double maximum, byte[] sketch) {}

  private final Connection connection;

  MetricRows(Connection connection) {
    this.connection = connection;
  }

  /** The id of a series, created when new; its last-seen time moves forward to {@code seen}. */
  public long series(String scope, String namespace, String metricName, String dimensions, long seen) {
    try {
      try (PreparedStatement s = connection.prepareStatement(
          "INSERT INTO metric_series (scope, namespace, metric_name, dimensions, last_seen) VALUES (?, ?, ?, ?, ?) "
              + "ON CONFLICT (scope, namespace, metric_name, dimensions) DO UPDATE SET last_seen = "
              + "CASE WHEN excluded.last_seen > metric_series.last_seen THEN excluded.last_seen ELSE metric_series.last_seen END")) {
        s.setString(1, scope);
        s.setString(2, namespace);
        s.setString(3, metricName);
        s.setString(4, dimensions);
        s.setLong(5, seen);
        s.executeUpdate();
      }
      try (PreparedStatement s = connection.prepareStatement(
          "SELECT id FROM metric_series WHERE scope = ? AND namespace = ? AND metric_name = ? AND dimensions = ?")) {
        s.setString(1, scope);
        s.setString(2, namespace);
        s.setString(3, metricName);
        s.setString(4, dimensions);
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    } catch (SQLException e) {
      throw new StoreException("metric series " + namespace + "/" + metricName, e);
    }
  }

  /** The series of a scope, optionally of one namespace and metric name, seen at or after {@code seenSince}. */
  public List<Series> list(String scope, String namespace, String metricName, long seenSince) {
    StringBuilder sql = new StringBuilder(
        "SELECT id, namespace, metric_name, dimensions, last_seen FROM metric_series WHERE scope = ? AND last_seen >= ?");
    if (namespace != null) {
      sql.append(" AND namespace = ?");
    }
    if (metricName != null) {
      sql.append(" AND metric_name = ?");
    }
    sql.append(" ORDER BY namespace, metric_name, dimensions");
    try (PreparedStatement s = connection.prepareStatement(sql.toString())) {
      int i = 1;
      s.setString(i++, scope);
      s.setLong(i++, seenSince);
      if (namespace != null) {
        s.setString(i++, namespace);
      }
      if (metricName != null) {
        s.setString(i, metricName);
      }
      List<Series> out = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(new Series(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("list metric series of " + scope, e);
    }
  }

  public Optional<Point> point(long seriesId, int resolution, long start, String unit) {
    List<Point> found = query("SELECT series_id, resolution, start, unit, sample_count, sum, minimum, maximum, sketch"
        + " FROM metric_points WHERE series_id = ? AND resolution = ? AND start = ? AND unit = ?", seriesId, resolution, start, unit);
    return found.stream().findFirst();
  }

  /** The points of a series at one resolution with start in [from, to). */
  public List<Point> points(long seriesId, int resolution, long from, long to) {
    return query("SELECT series_id, resolution, start, unit, sample_count, sum, minimum, maximum, sketch FROM metric_points"
        + " WHERE series_id = ? AND resolution = ? AND start >= ? AND start < ? ORDER BY start", seriesId, resolution, from, to);
  }

  public void put(Point point) {
    try (PreparedStatement s = connection.prepareStatement(
        "INSERT INTO metric_points (series_id, resolution, start, unit, sample_count, sum, minimum, maximum, sketch)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (series_id, resolution, start, unit) DO UPDATE SET"
            + " sample_count = excluded.sample_count, sum = excluded.sum, minimum = excluded.minimum,"
            + " maximum = excluded.maximum, sketch = excluded.sketch")) {
      s.setLong(1, point.seriesId());
      s.setInt(2, point.resolution());
      s.setLong(3, point.start());
      s.setString(4, point.unit());
      s.setDouble(5, point.sampleCount());
      s.setDouble(6, point.sum());
      s.setDouble(7, point.minimum());
      s.setDouble(8, point.maximum());
      s.setBytes(9, point.sketch());
      s.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("put metric point of series " + point.seriesId(), e);
    }
  }

  /** Deletes the points of a resolution that start before {@code start}; returns how many. */
  public int prune(int resolution, long start) {
    return update("DELETE FROM metric_points WHERE resolution = ? AND start < ?", resolution, start);
  }

  /** Deletes series last seen before {@code seen} (epoch ms) that have no points left. */
  public int pruneSeries(long seen) {
    return update("DELETE FROM metric_series WHERE last_seen < ? AND NOT EXISTS"
        + " (SELECT 1 FROM metric_points p WHERE p.series_id = metric_series.id)", seen);
  }

  private int update(String sql, Object... args) {
    try (PreparedStatement s = connection.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      return s.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException(sql, e);
    }
  }

  private List<Point> query(String sql, Object... args) {
    try (PreparedStatement s = connection.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      List<Point> out = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(new Point(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getString(4), rs.getDouble(5), rs.getDouble(6),
              rs.getDouble(7), rs.getDouble(8), rs.getBytes(9)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException(sql, e);
    }
  }
}
