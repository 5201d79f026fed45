package dev.archway.mapping;

import com.jayway.jsonpath.JsonPath;
import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import org.apache.velocity.Template;
import org.apache.velocity.exception.TemplateInitException;
import org.apache.velocity.exception.VelocityException;
import org.apache.velocity.runtime.parser.ParseException;
import org.apache.velocity.runtime.parser.TokenMgrError;
import org.apache.velocity.runtime.parser.node.SimpleNode;

/**
 * A mapping template (Velocity Template Language, as API Gateway runs it) parsed once at deploy time.
 * Immutable and thread-safe: one instance renders any number of requests at once, on any thread.
 *
 * <p>What a template sees is AWS's: {@code $input} ({@link InputVariable}), {@code $util}
 * ({@link UtilVariable}), {@code $context} ({@link ContextVariables}) and {@code $stageVariables};
 * null references print as nothing and {@code $null == ""} is true; JSON objects from
 * {@code $input.path} print Java-style ({@code {a=1}}) and arrays as JSON.
 *
 * <p>Templates are untrusted code. {@link #compile} refuses templates over 300 KB, syntax errors,
 * {@code #include}, {@code #parse}, {@code #evaluate} and bad literal JSONPaths. {@link #render} runs in
 * a sandbox — an allow-list of methods on plain values and our façades, nothing reflective — and under
 * {@link MappingLimits}: 1,000 iterations per {@code #foreach}, output, work, string and collection
 * budgets and a wall-clock budget, each failing the render with a {@link TemplateRuntimeException}.
 * A render is synchronous; callers decide whether it runs on an event loop or a worker.
 */
public final class MappingTemplate {
  private final String source;
  private final Template template;
  private final Map<String, JsonPath> paths;
  private final MappingLimits limits;
  private final Rendered constant;

  private MappingTemplate(String source, Template template, Map<String, JsonPath> paths, MappingLimits limits) {
    this.source = source;
    this.template = template;
    this.paths = paths;
    this.limits = limits;
    // Without a reference ($) or a directive (#) Velocity copies the text as it is, escapes included.
    this.constant = source.indexOf('$') < 0 && source.indexOf('#') < 0 ? new Rendered(source, Overrides.NONE) : null;
  }

  /**
   * What the template renders whatever the request, when that is known without rendering (plain
   * text, such as a MOCK's {@code {"statusCode": 200}}); null when it depends on the request. Such
   * templates need no worker hand-off.
   */
  public Rendered constantOutput() {
    return constant;
  }

  /** Parses a template under AWS's limits. */
  public static MappingTemplate compile(String source) {
    return compile(source, MappingLimits.AWS);
  }

  /** Parses a template; throws {@link TemplateException} saying what is wrong and where. */
  public static MappingTemplate compile(String source, MappingLimits limits) {
    if (source == null) {
      throw new TemplateException("mapping template is missing");
    }
    if (source.length() > limits.maxTemplateChars()) {
      throw new TemplateException("mapping template of " + source.length() + " characters exceeds the "
          + limits.maxTemplateChars() + "-character limit");
    }
    Template template = new Template();
    template.setName("mapping template");
    template.setRuntimeServices(SandboxRuntime.INSTANCE);
    try {
      SimpleNode root = SandboxRuntime.INSTANCE.parse(new StringReader(source), template);
      template.setData(root);
      template.initDocument();
      return new MappingTemplate(source, template, LiteralPaths.compile(root), limits);
    } catch (ParseException e) {
      throw new TemplateException("invalid mapping template: " + Errors.describe(e), e);
    } catch (TemplateInitException e) {
      throw new TemplateException("invalid mapping template: " + Errors.describe(e), e);
    } catch (TokenMgrError e) {
      throw new TemplateException("invalid mapping template: " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new TemplateException("invalid mapping template: " + e.getMessage(), e);
    } catch (VelocityException e) {
      throw new TemplateException("invalid mapping template: " + e.getMessage(), e);
    } catch (StackOverflowError e) {
      throw new TemplateException("invalid mapping template: nested too deeply");
    }
  }

  /** Renders the template for one request; throws {@link TemplateRuntimeException} when it fails or breaks a budget. */
  public Rendered render(TemplateInput input) {
    Budget budget = Budget.open(limits);
    try {
      Map<String, Object> context = input.context().toTemplateMap();
      Map<String, Object> variables = new HashMap<>(8);
      variables.put("input", new InputVariable(input, paths));
      variables.put("util", UtilVariable.INSTANCE);
      variables.put("context", context);
      variables.put("stageVariables", new HashMap<String, Object>(input.stageVariables()));
      BoundedWriter out = new BoundedWriter(budget);
      template.merge(new TemplateContext(budget, variables), out);
      Overrides overrides = Overrides.fromTemplate(context.get("requestOverride"), context.get("responseOverride"));
      return new Rendered(out.toString(), overrides);
    } catch (TemplateRuntimeException e) {
      throw e;
    } catch (StackOverflowError e) {
      throw new TemplateRuntimeException("mapping template recursed too deeply");
    } catch (RuntimeException e) {
      throw Errors.translate(e);
    } finally {
      budget.close();
    }
  }

  /** The template text as given. */
  public String source() {
    return source;
  }

  @Override
  public String toString() {
    return "MappingTemplate[" + source.length() + " chars, " + paths.size() + " literal JSONPaths]";
  }
}
