package dev.archway.mapping;

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
      return new BudgetedAccess.Budgeted(delegate.getMethod(target, name, args, info), name);
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
    return new BudgetedAccess.Budgeted(found, name);
  }

  @Override
  public VelPropertyGet getPropertyGet(Object target, String property, Info info) {
    if (target == null) {
      return null;
    }
    if (target instanceof Map<?, ?> && !(target instanceof Scope)) {
      return new BudgetedAccess.MapGet(property);
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
    return new BudgetedAccess.BudgetedGet(found);
  }

  @Override
  public VelPropertySet getPropertySet(Object target, String property, Object value, Info info) {
    if (target == null) {
      return null;
    }
    if (target instanceof Map<?, ?>) {
      return new BudgetedAccess.MapPut(property);
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
}
