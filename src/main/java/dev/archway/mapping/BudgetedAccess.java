package dev.archway.mapping;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Map;
import org.apache.velocity.util.introspection.VelMethod;
import org.apache.velocity.util.introspection.VelPropertyGet;
import org.apache.velocity.util.introspection.VelPropertySet;

/**
 * The handles {@link SandboxUberspector} gives Velocity for allowed calls, property reads and map
 * writes. Velocity caches them on the template and shares them across threads, so they hold no
 * render state: each finds the render's {@link Budget} when it runs.
 */
final class BudgetedAccess {
  private BudgetedAccess() {}

  /** An allowed method that first checks the clock and charges what it adds to lists and maps. */
  record Budgeted(VelMethod inner, String name) implements VelMethod {
    @Override
    public Object invoke(Object target, Object[] args) throws IllegalAccessException, InvocationTargetException {
      Budget budget = Budget.current();
      budget.tick();
      switch (name) {
        case "add", "put", "putIfAbsent" -> budget.spendGrowth(1);
        case "addAll" -> budget.spendGrowth(args.length == 0 ? 0 : sizeOf(args[args.length - 1]));
        case "putAll" -> budget.spendGrowth(args.length == 0 ? 0 : sizeOf(args[0]));
        case "toString" -> {
          return TextOf.value(target, budget);
        }
        default -> { }
      }
      Object result = inner.invoke(target, args);
      if (result instanceof String s) {
        budget.checkString(s.length());
      }
      return result;
    }

    private static long sizeOf(Object value) {
      if (value instanceof Collection<?> c) {
        return c.size();
      }
      return value instanceof Map<?, ?> m ? m.size() : 1;
    }

    @Override
    public boolean isCacheable() {
      return inner == null || inner.isCacheable();
    }

    @Override
    public String getMethodName() {
      return name;
    }

    @Override
    public Method getMethod() {
      return inner == null ? null : inner.getMethod();
    }

    @Override
    public Class<?> getReturnType() {
      return inner == null ? String.class : inner.getReturnType();
    }
  }

  record BudgetedGet(VelPropertyGet inner) implements VelPropertyGet {
    @Override
    public Object invoke(Object target) throws Exception {
      Budget.current().tick();
      return inner.invoke(target);
    }

    @Override
    public boolean isCacheable() {
      return inner.isCacheable();
    }

    @Override
    public String getMethodName() {
      return inner.getMethodName();
    }
  }

  /** {@code $map.key} reads the key, even where a getter of that name exists ({@code $map.class} is the key "class"). */
  record MapGet(String key) implements VelPropertyGet {
    @Override
    public Object invoke(Object target) {
      Budget.current().tick();
      return ((Map<?, ?>) target).get(key);
    }

    @Override
    public boolean isCacheable() {
      return true;
    }

    @Override
    public String getMethodName() {
      return "get";
    }
  }

  /** {@code #set($map.key = value)}. */
  record MapPut(String key) implements VelPropertySet {
    @Override
    @SuppressWarnings("unchecked")
    public Object invoke(Object target, Object value) {
      Budget.current().spendGrowth(1);
      return ((Map<Object, Object>) target).put(key, value);
    }

    @Override
    public boolean isCacheable() {
      return true;
    }

    @Override
    public String getMethodName() {
      return "put";
    }
  }
}
