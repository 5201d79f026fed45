# report.awk — summarises bench/run.sh's raw rows (round target rps p50 p99 errors cpu sys rss).
# Per target: median (min-max) over rounds. Ratios to nginx-proxy are taken within each round, then
# the median of the ratios is printed, so machine-wide drift between rounds cancels out.
# Usage: awk -F'\t' -v order="direct nginx-proxy ..." -f report.awk results.tsv

function sort(a, n,   i, j, t) { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t } }
function med(a, n) { sort(a, n); return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
function range(a, n, fmt) { sort(a, n); return sprintf("(" fmt "-" fmt ")", a[1], a[n]) }

NR == 1 { next }
{
  rps[$1, $2] = $3; p50[$1, $2] = $4; p99[$1, $2] = $5; errs[$2] += $6; cpu[$1, $2] = $7; sys[$1, $2] = $8; rss[$2] = $9
  rounds[$1] = 1
}
END {
  nt = split(order, T, " ")
  printf "%-20s %20s %8s %18s %10s %14s %7s %10s %10s %10s %6s %7s\n", "target", "req/s", "p50_us", "p99_us", "cpu_us/req", "", "sys_us",
    "rps_x_ngx", "cpu_x_ngx", "+p99_ngx", "errors", "rss_mb"
  for (k = 1; k <= nt; k++) {
    t = T[k]; n = 0; nc = 0; nr = 0
    delete R; delete A; delete B; delete C; delete S; delete X; delete Y; delete Q
    for (r in rounds) {
      if (!((r, t) in rps)) continue
      n++; R[n] = rps[r, t]; A[n] = p50[r, t]; B[n] = p99[r, t]
      if (cpu[r, t] != "NA") { nc++; C[nc] = cpu[r, t]; S[nc] = sys[r, t] }
      if ((r, "nginx-proxy") in rps && rps[r, "nginx-proxy"] > 0) {
        nr++; X[nr] = rps[r, t] / rps[r, "nginx-proxy"]; Q[nr] = p99[r, t] - p99[r, "nginx-proxy"]
        Y[nr] = (cpu[r, t] != "NA" && cpu[r, "nginx-proxy"] > 0) ? cpu[r, t] / cpu[r, "nginx-proxy"] : 0
      }
    }
    if (!n) continue
    cpus = nc ? sprintf("%10.1f %14s %7.1f", med(C, nc), range(C, nc, "%.1f"), med(S, nc)) : sprintf("%10s %14s %7s", "NA", "", "NA")
    ratios = nr ? sprintf("%10.2f %10.2f %10.0f", med(X, nr), med(Y, nr), med(Q, nr)) : sprintf("%10s %10s %10s", "NA", "NA", "NA")
    printf "%-20s %7.0f %12s %8.0f %6.0f %11s %s %s %6d %7s\n", t, med(R, n), range(R, n, "%.0f"), med(A, n),
      med(B, n), range(B, n, "%.0f"), cpus, ratios, errs[t], rss[t]
    if (t == "rest-proxy" && nr) {
      verdict = sprintf("targets (rest-proxy vs nginx-proxy): req/s %.2fx (>= 0.85: %s), CPU/req %.2fx (<= 1.2: %s), added p99 %.0f us (<= 2000: %s), errors %d",
        med(X, nr), med(X, nr) >= 0.85 ? "met" : "NOT met", med(Y, nr), med(Y, nr) <= 1.2 ? "met" : "NOT met",
        med(Q, nr), med(Q, nr) <= 2000 ? "met" : "NOT met", errs[t])
    }
  }
  n = 0; delete X
  for (r in rounds) if ((r, "rest-apikey-throttle") in rps && (r, "rest-proxy") in rps && rps[r, "rest-proxy"] > 0) {
    n++; X[n] = rps[r, "rest-apikey-throttle"] / rps[r, "rest-proxy"]
  }
  if (n) keyed = sprintf("target (rest-apikey-throttle vs rest-proxy, same round): req/s %.2fx %s (>= 0.9: %s)",
    med(X, n), range(X, n, "%.2f"), med(X, n) >= 0.9 ? "met" : "NOT met")
  print ""
  print "req/s, p50, p99: median over rounds (min-max); x_ngx: ratio to nginx-proxy in the same round, median over rounds"
  print "cpu_us/req: CPU time (user+system, all threads) of that server per request, sys_us: its kernel part"
  print "+p99_ngx: p99 minus nginx-proxy's p99 in the same round (negative: lower than nginx-proxy's)"
  print "errors: socket errors + non-2xx answers over all rounds; rss_mb: resident memory after the last round"
  if (verdict != "") print verdict
  if (keyed != "") print keyed
}
