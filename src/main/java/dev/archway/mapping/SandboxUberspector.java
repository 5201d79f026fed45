package dev.archway.mapping;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.apache.velocity.runtime.RuntimeServices;
import org.apache.velocity.runtime.directive.Scope;
import org.apache.velocity.util.RuntimeServicesAware;
import org.apache.velocity.util.introspection.Info;
import org.apache.velocity.util.introspection.SecureUberspector;
import org.apache.velocity.util.introspection.Uberspect;
import org.apache.velocity.util.introspection.VelMethod;
import org.apache.velocity.util.introspection.VelPropertyGet;
import org.apache.velocity.util.introspection.VelPropertySet;

/**
 * How mapping templates reach Java: an allow-list ({@link AllowList}) in front of Velocity's own
 * {@link SecureUberspector}, which stays as a second layer. Every call, property read and loop step
 * it hands out checks the render's {@link Budget}. A method that exists but is not allowed fails the
 * render ({@code $input.getClass()}); one that does not exist is null and prints nothing, as AWS
 * renders an unknown {@code $util} function.
 *
 * <p>Public only because Velocity instantiates it by class name; not an API.
 */
public final class SandboxUberspector implements Uberspect, RuntimeServicesAware {
  private final SecureUberspector delegate = new SecureUberspector();

  @Override
  public void setRuntimeServices(RuntimeServices runtime) {
    delegate.setRuntimeServices(runtime);
  }

  @Override
  public void init() {
    delegate.init();
  }

  @Override
  public Iterator<?> getIterator(Object target, Info info) {
    if (target == null) {
      return null;
    }
    if (!AllowList.iterable(target)) {
      throw refused("#foreach over", target, info);
    }
    Iterator<?> iterator = delegate.getIterator(target, info);
    return iterator == null ? null : new LoopIterator(iterator, Budget.current(), info);
  }

  @Override
  public VelMethod getMethod(Object target, String name, Object[] args, Info info) {
    if (target == null) {
      return null;
    }
    Set<String> allowed = AllowList.methodsOf(target);
    if (target instanceof String && allowed.contains(name)) {
      VelMethod bounded = StringMethods.find(name, args);
      if (bounded != null) {
        return bounded;
      }
    }
    if ("toString".equals(name) && args.length == 0 && (target instanceof Map<?, ?> || target instanceof Collection<?>)) {
      return new Budgeted(delegate.getMethod(target, name, args, info), name);
    }
    VelMethod found = delegate.getMethod(target, name, args, info);
    if (found == null) {
      if (!allowed.contains(name) && ("getClass".equals(name) || isPublicMethod(target, name))) {
        throw refused(name + "()", target, info);
      }
      return null;
    }
    if (!allowed.contains(found.getMethodName())) {
      throw refused(name + "()", target, info);
    }
    return new Budgeted(found, name);
  }

  @Override
  public VelPropertyGet getPropertyGet(Object target, String property, Info info) {
    if (target == null) {
      return null;
    }
    if (target instanceof Map<?, ?> && !(target instanceof Scope)) {
      return new MapGet(property);
    }
    VelPropertyGet found = delegate.getPropertyGet(target, property, info);
    if (found == null) {
      if ("class".equals(property)) {
        throw refused("." + property, target, info);
      }
      return null;
    }
    if (!AllowList.methodsOf(target).contains(found.getMethodName())) {
      throw refused("." + property, target, info);
    }
    return new BudgetedGet(found);
  }

  @Override
  public VelPropertySet getPropertySet(Object target, String property, Object value, Info info) {
    if (target == null) {
      return null;
    }
    if (target instanceof Map<?, ?>) {
      return new MapPut(property);
    }
    throw refused("#set of ." + property + " on", target, info);
  }

  private static boolean isPublicMethod(Object target, String name) {
    for (Method method : target.getClass().getMethods()) {
      if (method.getName().equals(name)) {
        return true;
      }
    }
    return false;
  }

  private static TemplateRuntimeException refused(String what, Object target, Info info) {
    return new TemplateRuntimeException("mapping templates cannot use " + what + " " + describe(target)
        + " (line " + info.getLine() + ", column " + info.getColumn() + ")");
  }

  /** Names the kind of value without handing out class names of our internals. */
  private static String describe(Object target) {
    if (target instanceof InputVariable) {
      return "$input";
    }
    if (target instanceof UtilVariable) {
      return "$util";
    }
    return "a value of type " + target.getClass().getSimpleName();
  }

  /** An allowed method that first checks the clock and charges what it adds to lists and maps. */
  private record Budgeted(VelMethod inner, String name) implements VelMethod {
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

  private record BudgetedGet(VelPropertyGet inner) implements VelPropertyGet {
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
  private record MapGet(String key) implements VelPropertyGet {
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
  private record MapPut(String key) implements VelPropertySet {
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
