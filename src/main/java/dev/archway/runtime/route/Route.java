package dev.archway.runtime.route;

/** One resource path + method and what it leads to; a leaf of the route trie. */
record Route<T>(ResourcePath path, String method, T target) {
  @Override
  public String toString() {
    return method + " " + path;
  }
}
